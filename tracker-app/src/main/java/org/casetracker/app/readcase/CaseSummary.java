package org.casetracker.app.readcase;

import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;

import java.time.LocalDate;

/** One line of {@code GET /api/cases}. */
public record CaseSummary(String id, String court, String docketNumber, String caption, CaseStatus status,
                          Disposition disposition, LocalDate filedOn) {

    static CaseSummary of(CaseFile file) {
        return new CaseSummary(file.id().value(), file.court(), file.docketNumber(), file.caption(), file.status(),
                file.disposition(), file.filedOn());
    }
}
