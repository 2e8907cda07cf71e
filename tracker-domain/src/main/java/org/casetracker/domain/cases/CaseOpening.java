package org.casetracker.domain.cases;

import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.Dates;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Slugs;
import org.casetracker.domain.shared.Text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules for opening a case: who the parties are, and an id that follows from court and docket number. */
final class CaseOpening {

    static final int MAX_PARTIES = 200;
    static final int MAX_COUNSEL = 50;

    private CaseOpening() {
    }

    static void check(OpenCase command) {
        String court = Text.required("court", command.court(), 40);
        String docketNumber = Text.required("docketNumber", command.docketNumber(), 80);
        Text.required("caption", command.caption(), 500);
        Dates.required("filedOn", command.filedOn());
        if (Slugs.slug(court + " " + docketNumber).isEmpty()) {
            // checked before CaseId.of, whose constructor would refuse the empty slug as a missing "caseId"
            throw DocketRuleViolation.invalid("docketNumber", "court and docket number must contain letters or digits");
        }
        CaseId expected = CaseId.of(court, docketNumber);
        if (!expected.equals(command.caseId())) {
            throw DocketRuleViolation.invalid("caseId", "a case's id is the slug of court and docket number: "
                    + expected);
        }
    }

    static List<Party> parties(List<Party> parties) {
        if (parties == null || parties.isEmpty()) {
            throw DocketRuleViolation.invalid("parties", "a case needs at least one party");
        }
        if (parties.size() > MAX_PARTIES) {
            throw DocketRuleViolation.invalid("parties", "at most " + MAX_PARTIES + " parties");
        }
        List<Party> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            checked.add(party("parties[" + i + "]", parties.get(i), seen));
        }
        return List.copyOf(checked);
    }

    private static Party party(String field, Party party, Set<String> seen) {
        if (party == null) {
            throw DocketRuleViolation.invalid(field, "is empty");
        }
        String name = Text.required(field + ".name", party.name(), 300);
        if (party.role() == null) {
            throw DocketRuleViolation.invalid(field + ".role", "is required (PLAINTIFF, DEFENDANT, ...)");
        }
        if (!seen.add(name + "|" + party.role())) {
            throw DocketRuleViolation.invalid(field, name + " is listed twice as " + party.role());
        }
        if (party.counsel().size() > MAX_COUNSEL) {
            throw DocketRuleViolation.invalid(field + ".counsel", "at most " + MAX_COUNSEL + " counsel");
        }
        List<String> counsel = new ArrayList<>();
        for (int i = 0; i < party.counsel().size(); i++) {
            counsel.add(Text.required(field + ".counsel[" + i + "]", party.counsel().get(i), 300));
        }
        return new Party(name, party.role(), counsel);
    }
}
