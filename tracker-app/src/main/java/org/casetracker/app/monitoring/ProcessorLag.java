package org.casetracker.app.monitoring;

import org.casetracker.app.audit.StoredEvents;
import org.casetracker.app.infrastructure.SharedTokens;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far each processor's segments are behind the head of the event store, in events (global indexes): what a
 * projection still has to fold before it shows the newest write. Read from the token store, so every node reports
 * every segment, whichever node holds it. 0 when caught up; a segment that grows and does not shrink is stuck.
 */
@Component
public class ProcessorLag {

    /** One segment: its committed position (null: not started) and the events it is behind the head. */
    public record SegmentLag(int segment, Long position, long behind) {
    }

    private final StoredEvents events;
    private final SharedTokens tokens;

    public ProcessorLag(StoredEvents events, SharedTokens tokens) {
        this.events = events;
        this.tokens = tokens;
    }

    public List<SegmentLag> of(String processorName) {
        long head = events.lastGlobalIndex();
        List<SegmentLag> lags = new ArrayList<>();
        for (Map.Entry<Integer, OptionalLong> segment : tokens.positions(processorName).entrySet()) {
            OptionalLong position = segment.getValue();
            long behind = position.isPresent() ? Math.max(0, head - position.getAsLong()) : head + 1;
            lags.add(new SegmentLag(segment.getKey(), position.isPresent() ? position.getAsLong() : null, behind));
        }
        return lags;
    }

    /** The slowest segment's lag: events the processor has not yet handled everywhere. */
    public long maxBehind(String processorName) {
        return of(processorName).stream().mapToLong(SegmentLag::behind).max().orElse(events.lastGlobalIndex() + 1);
    }
}
