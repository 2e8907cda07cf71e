package org.casetracker.app.readcase;

import org.casetracker.app.casefile.ListedCase;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;

import java.time.LocalDate;

/** One line of {@code GET /api/cases}. */
public record CaseSummary(String id, String court, String docketNumber, String caption, CaseStatus status,
                          Disposition disposition, LocalDate filedOn) {

    static CaseSummary of(ListedCase listed) {
        return new CaseSummary(listed.id().value(), listed.court(), listed.docketNumber(), listed.caption(),
                listed.status(), listed.disposition(), listed.filedOn());
    }
}
