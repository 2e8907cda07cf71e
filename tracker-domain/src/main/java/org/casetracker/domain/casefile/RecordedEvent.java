package org.casetracker.domain.casefile;

import org.casetracker.domain.shared.DocketEvent;

import java.time.Instant;

/**
 * An event as the store holds it: the payload, its position in the store's global order, the instant
 * it was recorded (the second clock) and its id. The folds take these, never raw payloads, because
 * "as known at" needs the recorded time.
 */
public record RecordedEvent(DocketEvent event, long position, Instant recordedAt, String eventId) {
}
