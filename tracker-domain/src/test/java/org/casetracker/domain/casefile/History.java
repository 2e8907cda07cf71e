package org.casetracker.domain.casefile;

import org.casetracker.domain.shared.DocketEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events as the store would hold them: each recorded a minute after the one before, positions in that order. */
final class History {

    static final Instant START = Instant.parse("2024-06-03T09:00:00Z");

    private final List<RecordedEvent> events = new ArrayList<>();
    private Instant clock = START;

    History record(DocketEvent... recorded) {
        for (DocketEvent event : recorded) {
            clock = clock.plus(Duration.ofMinutes(1));
            long position = events.size() + 1;
            events.add(new RecordedEvent(event, position, clock, "event-" + position));
        }
        return this;
    }

    History record(List<? extends DocketEvent> recorded) {
        return record(recorded.toArray(DocketEvent[]::new));
    }

    /** The instant the last event was recorded. */
    Instant now() {
        return clock;
    }

    /** Lets time pass before the next event is recorded. */
    History later(Duration duration) {
        clock = clock.plus(duration);
        return this;
    }

    List<RecordedEvent> events() {
        return List.copyOf(events);
    }
}
