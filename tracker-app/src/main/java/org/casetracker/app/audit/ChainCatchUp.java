package org.casetracker.app.audit;

import org.casetracker.app.infrastructure.Polling;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Waits for the chain to reach the store's head. Appending transactions link their own events (ADR 0026), so it is
 * there at once but for events appended otherwise, which the {@link AuditChainProjection} catches up with.
 */
@Component
public class ChainCatchUp {

    private final StoredEvents events;

    public ChainCatchUp(StoredEvents events) {
        this.events = events;
    }

    /** True once every event stored now has its link; false when {@code max} ran out (or the thread was interrupted). */
    public boolean awaitChained(Duration max) {
        long head = events.lastGlobalIndex();
        return Polling.until(max, () -> events.chainHead().map(StoredEvents.Head::position).orElse(-1L) >= head);
    }
}
