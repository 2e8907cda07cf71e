package org.casetracker.app.metadata;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * On the event store, just before events are stored: adds the reason and source the payload carries, and (for an
 * event published outside a command, which has not got them from its command) the user and correlation id.
 */
final class EventMetadataInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final RecordingUser user;

    EventMetadataInterceptor(RecordingUser user) {
        this.user = user;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Map<String, Object> added = RecordingMetadata.whoAndWhich(event.getMetaData(), user);
            added.putAll(RecordingMetadata.whyAndWhence(event.getMetaData(), event.getPayload()));
            return added.isEmpty() ? event : event.andMetaData(added);
        };
    }
}
