package org.casetracker.app.timeline;

import org.casetracker.domain.casefile.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases/{caseId}/timeline}: the case's dated events in legal order. */
public record Timeline(String caseId, LocalDate asOf, Instant knownAt, List<TimelineEntry> events) {
}
