package org.casetracker.app.timeline;

import org.casetracker.domain.casefile.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases/{caseId}/changes}: what changed after {@code from} up to and including {@code to}. */
public record Changes(String caseId, LocalDate from, LocalDate to, Instant knownAt, List<TimelineEntry> changes) {
}
