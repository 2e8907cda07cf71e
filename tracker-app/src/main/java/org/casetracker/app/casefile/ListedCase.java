package org.casetracker.app.casefile;

import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.shared.CaseId;

import java.time.LocalDate;

/** One case in the list of cases: who, where, since when, and its status in force. */
public record ListedCase(CaseId id, String court, String courtName, String docketNumber, String caption,
                         LocalDate filedOn, CaseStatus status, Disposition disposition) {

    static ListedCase of(CaseFile file) {
        return new ListedCase(file.id(), file.court(), file.courtName(), file.docketNumber(), file.caption(),
                file.filedOn(), file.status(), file.disposition());
    }
}
