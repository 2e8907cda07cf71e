package org.casetracker.app.readcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases/{caseId}/filings}: the docket in legal order (date, then entry number). */
public record Docket(String caseId, LocalDate asOf, Instant knownAt, List<FilingResponse> filings) {
}
