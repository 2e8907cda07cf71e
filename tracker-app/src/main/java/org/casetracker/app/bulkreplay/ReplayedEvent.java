package org.casetracker.app.bulkreplay;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * One stored event as the bulk replay hands it on: its global index, the message (payload and metadata already
 * deserialized, its token the event's own position) and the segment of the processor it belongs to, -1 when none of
 * the processor's handlers takes it.
 */
record ReplayedEvent(long index, TrackedEventMessage<?> message, int segment) {
}
