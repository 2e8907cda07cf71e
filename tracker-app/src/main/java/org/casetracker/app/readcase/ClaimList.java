package org.casetracker.app.readcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases/{caseId}/claims}. */
public record ClaimList(String caseId, LocalDate asOf, Instant knownAt, List<ClaimResponse> claims) {
}
