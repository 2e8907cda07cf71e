package org.casetracker.app.infrastructure;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.casetracker.domain.cases.CaseAggregate;
import org.casetracker.domain.claims.ClaimAggregate;
import org.casetracker.domain.filings.FilingAggregate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Registers the event-sourced aggregates of tracker-domain with Axon. They carry no Spring {@code @Aggregate}
 * (tracker-domain has no Spring), so they are listed here. Their command-handler parameters beyond the command
 * (e.g. an interface with one Spring bean implementing it) are still injected from Spring beans.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateRegistration {

    /** The aggregates of tracker-domain. */
    public static final List<Class<?>> AGGREGATES = List.of(
            CaseAggregate.class, ClaimAggregate.class, FilingAggregate.class);

    @Bean
    public ConfigurerModule trackerAggregates() {
        return aggregates(AGGREGATES);
    }

    /** A module that registers {@code aggregateTypes} as event-sourced aggregates (tests use it for their own). */
    public static ConfigurerModule aggregates(List<Class<?>> aggregateTypes) {
        List<Class<?>> types = List.copyOf(aggregateTypes);
        return configurer -> types.forEach(type -> register(configurer, type));
    }

    private static <A> void register(Configurer configurer, Class<A> type) {
        // event-sourced repository on the configured event store; handlers use Spring's parameter resolvers
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type));
    }
}
