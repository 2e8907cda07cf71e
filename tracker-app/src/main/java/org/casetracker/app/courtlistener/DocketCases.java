package org.casetracker.app.courtlistener;

import org.casetracker.app.opencase.OpenCaseRequest;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.PartyRole;
import org.casetracker.domain.shared.DocketRuleViolation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A CourtListener docket as a case to open. A v4 docket carries no parties (they are a separate endpoint), so the
 * parties are read from the caption: "A v. B" gives A as plaintiff and B as defendant; any other caption ("In re
 * …") gives one party of role OTHER. Researchers correct them from the docket sheet.
 */
final class DocketCases {

    private static final Pattern VERSUS = Pattern.compile("\\s+(?:v\\.|vs\\.|v|versus)\\s+", Pattern.CASE_INSENSITIVE);

    private DocketCases() {
    }

    static OpenCaseRequest opening(CourtListenerDocket docket) {
        if (docket.caseName() == null) {
            throw DocketRuleViolation.invalid("docket.case_name", "is required to open the case");
        }
        if (docket.dateFiled() == null) {
            throw DocketRuleViolation.invalid("docket.date_filed", "is required to open the case");
        }
        return new OpenCaseRequest(docket.courtId(), null, docket.docketNumber(), docket.caseName(),
                docket.dateFiled(), docket.assignedTo(), parties(docket.caseName()),
                CourtListenerSources.ofDocket(docket));
    }

    static List<Party> parties(String caption) {
        String[] sides = VERSUS.split(caption, 2);
        if (sides.length == 2 && !sides[0].isBlank() && !sides[1].isBlank()) {
            return List.of(new Party(sides[0].strip(), PartyRole.PLAINTIFF, List.of()),
                    new Party(sides[1].strip(), PartyRole.DEFENDANT, List.of()));
        }
        return List.of(new Party(caption, PartyRole.OTHER, List.of()));
    }
}
