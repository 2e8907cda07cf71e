package org.casetracker.app.casefile;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.casetracker.domain.shared.DocketEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case-file processor splits events between its segments by case, not by aggregate: a case's own events, its
 * claims' and its filings' all go to one segment, in order, so one segment folds a case as a rule. Only an event
 * that also concerns other cases (a cross-case correction) reaches their folds from another segment; those take
 * turns through {@link CaseFoldLocks}.
 */
@Configuration(proxyBeanMethods = false)
class CaseSequencing {

    static final SequencingPolicy<EventMessage<?>> BY_CASE = new SequencingPolicy<>() {
        private final SequentialPerAggregatePolicy byAggregate = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            return event.getPayload() instanceof DocketEvent docket
                    ? docket.caseId().value() : byAggregate.getSequenceIdentifierFor(event);
        }
    };

    @Bean
    ConfigurerModule caseFilesByCase() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(CaseFileProjection.PROCESSING_GROUP, config -> BY_CASE);
    }
}
