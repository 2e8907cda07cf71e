package org.casetracker.app.api;

import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;

/** Typed ids from the strings of a request; a missing id stays null for the domain to refuse by field. */
public final class Ids {

    private Ids() {
    }

    public static CaseId caseId(String value) {
        return blank(value) ? null : new CaseId(value.strip());
    }

    public static ClaimId claim(String value) {
        return blank(value) ? null : new ClaimId(value.strip());
    }

    public static FilingId filing(String value) {
        return blank(value) ? null : new FilingId(value.strip());
    }

    public static String value(Object typedId) {
        return typedId == null ? null : typedId.toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
