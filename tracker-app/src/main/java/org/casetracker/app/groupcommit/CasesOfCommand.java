package org.casetracker.app.groupcommit;

import org.casetracker.app.concurrency.TouchedCases;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The cases a command reads and writes, for the commands that may share a commit: a filing's handler reads its case
 * (and that case's claims) and creates the filing; the cases its effects name are added so that a batch never holds
 * two commands about one of them. Other commands (and a filing without a case, which is refused) are not batched.
 */
final class CasesOfCommand {

    private CasesOfCommand() {
    }

    static Optional<Set<String>> of(Object command) {
        if (command instanceof RecordFiling filing && filing.caseId() != null && filing.filingId() != null) {
            Set<String> cases = new LinkedHashSet<>();
            cases.add(filing.caseId().value());
            if (filing.effects() != null) {
                cases.addAll(TouchedCases.of(filing.effects()));
            }
            return Optional.of(cases);
        }
        return Optional.empty();
    }
}
