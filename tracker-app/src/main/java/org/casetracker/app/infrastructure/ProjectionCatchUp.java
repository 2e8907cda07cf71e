package org.casetracker.app.infrastructure;

import org.axonframework.config.EventProcessingConfiguration;
import org.casetracker.app.audit.AuditChainProjection;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Read-your-writes for the projections: after a command has been handled (its events are committed), wait until
 * every running streaming processor has processed up to the event store's head. Used by REST writes and tests.
 * Not the audit chain's processor: the appending transactions link their own events before they commit (ADR 0026),
 * so the chain is there with the write, and that processor only catches up with what was appended otherwise.
 */
@Component
public class ProjectionCatchUp {

    private static final Set<String> NOT_AWAITED = Set.of(AuditChainProjection.PROCESSING_GROUP);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final SharedTokens sharedTokens;

    public ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                             SharedTokens sharedTokens) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.sharedTokens = sharedTokens;
    }

    /**
     * Waits at most {@code max} for the projections to reach the head of the event store as it is now.
     *
     * @return true when caught up (at once if the store is empty), false when {@code max} ran out or the thread was
     * interrupted: the caller then answers from projections that may lag.
     */
    public boolean awaitCaughtUp(Duration max) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.empty() : head.position();
        return headPosition.isEmpty() || Polling.until(max, () -> allAtLeast(headPosition.getAsLong()));
    }

    /** True when every running streaming processor has passed {@code position} in all its segments. */
    public boolean allAtLeast(long position) {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            // a stopped processor cannot catch up; waiting for it would only burn the whole timeout
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()
                    && !NOT_AWAITED.contains(processor.getName()) && !isAtLeast(streaming, position)) {
                return false;
            }
        }
        return true;
    }

    private boolean isAtLeast(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        double covered = 0; // share of the segment space claimed here
        for (EventTrackerStatus status : statuses.values()) {
            OptionalLong current = status.getCurrentPosition();
            if (current.isEmpty() || current.getAsLong() < position) {
                return false;
            }
            covered += 1.0 / (status.getSegment().getMask() + 1);
        }
        if (covered > 0.999_999) {
            return true;
        }
        // the other segments are claimed by other nodes (or by none for the moment): their committed tokens say
        Map<Integer, OptionalLong> stored = sharedTokens.positions(processor.getName());
        if (stored.isEmpty()) {
            return false;
        }
        for (Map.Entry<Integer, OptionalLong> segment : stored.entrySet()) {
            if (!statuses.containsKey(segment.getKey())
                    && (segment.getValue().isEmpty() || segment.getValue().getAsLong() < position)) {
                return false;
            }
        }
        return true;
    }
}
