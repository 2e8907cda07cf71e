package org.casetracker.app.readcase;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code GET /api/cases/{caseId}/filings/{filingId}}: one docket entry, its fields at the top level as in
 * the docket, with the case and the cut-offs it is read at.
 */
public record FilingRead(String caseId, LocalDate asOf, Instant knownAt, @JsonUnwrapped FilingResponse filing) {
}
