package org.casetracker.app.readcase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The two cut-offs of a read: the legal date ({@code asOf}, default today) and the moment of knowledge
 * ({@code knownAt}, default now). {@code live} when neither was asked for: the projection answers.
 */
record ReadCut(LocalDate asOf, Instant knownAt, boolean live) {

    static ReadCut of(LocalDate asOf, Instant knownAt, boolean includeRetracted, Clock clock) {
        boolean live = asOf == null && knownAt == null && !includeRetracted;
        return new ReadCut(asOf == null ? LocalDate.now(clock) : asOf, knownAt == null ? clock.instant() : knownAt,
                live);
    }
}
