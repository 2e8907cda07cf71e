package org.casetracker.app.correctfiling;

import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST .../filings/{filingId}/corrections}: the fields that change, why, and where
 * the corrected values come from.
 */
public record CorrectFilingRequest(Changes changes, String reason, Source source) {

    /** Only the fields given change; the entry number and the effects are not correctable. */
    public record Changes(LocalDate dateFiled, Boolean dateFiledEstimated, String filedBy, FilingType type,
                          String title, String description, Integer pageCount, List<String> claimIds) {
    }
}
