package org.casetracker.app.audit;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the chain to reach the store's head. Appending transactions link their own events (ADR 0026), so it is
 * there at once but for events appended otherwise, which the {@link AuditChainProjection} catches up with.
 */
@Component
public class ChainCatchUp {

    private static final long POLL_MILLIS = 5;

    private final StoredEvents events;

    public ChainCatchUp(StoredEvents events) {
        this.events = events;
    }

    /** True once every event stored now has its link; false when {@code max} ran out (or the thread was interrupted). */
    public boolean awaitChained(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long head = events.lastGlobalIndex();
        while (events.chainHead().map(StoredEvents.Head::position).orElse(-1L) < head) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
