package org.casetracker.app.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upcasters of stored events, in order, as one chain. Axon's Spring Boot configuration hands every
 * {@link EventUpcaster} bean to the event store, so the store, the aggregates and the processors read old events
 * upcast; {@code CaseEventStore}, which reads payloads straight from the table, runs the same chain.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    @Bean
    public EventUpcasterChain eventUpcasters() {
        return new EventUpcasterChain(new CaseOpenedJudgesUpcaster());
    }
}
