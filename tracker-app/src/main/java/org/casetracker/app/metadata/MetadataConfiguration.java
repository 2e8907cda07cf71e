package org.casetracker.app.metadata;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metadata of every event (see {@link MetadataKeys}). It is attached on the command side: a dispatch interceptor
 * on the command bus gives each command the user and correlation id, and correlation data providers copy them onto
 * the events its handler applies. A dispatch interceptor on the event store adds what the payload says (reason,
 * source). Axon's timestamp remains the recorded time.
 */
@Configuration(proxyBeanMethods = false)
public class MetadataConfiguration {

    /** Copies the user and the request's correlation id from a command to its events. */
    @Bean
    public CorrelationDataProvider recordingCorrelationData() {
        return new SimpleCorrelationDataProvider(MetadataKeys.USER, MetadataKeys.CORRELATION_ID);
    }

    /**
     * Axon's own message origin, which any provider bean would otherwise replace. Its "correlation id" (the id of the
     * command that caused the event) is stored as {@code causationId}: {@code correlationId} is the request's.
     */
    @Bean
    public CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.TRACE_ID);
    }

    /** Not beans themselves: Axon would register dispatch-interceptor beans with its gateways as well. */
    @Bean
    public InitializingBean metadataInterceptors(CommandBus commandBus, EventStore eventStore, RecordingUser user) {
        return () -> {
            commandBus.registerDispatchInterceptor(new CommandMetadataInterceptor(user));
            eventStore.registerDispatchInterceptor(new EventMetadataInterceptor(user));
        };
    }
}
