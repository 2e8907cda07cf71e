package org.casetracker.app.readcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases}: every case on {@code asOf}, as known at {@code knownAt}. */
public record CaseList(LocalDate asOf, Instant knownAt, List<CaseSummary> cases) {
}
