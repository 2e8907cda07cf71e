package org.casetracker.app.infrastructure;

import org.axonframework.config.ConfigurerModule;
import org.casetracker.app.audit.AuditChainProjection;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;


/**
 * Every event processor of the app is a pooled streaming processor with these defaults, whatever its processing
 * group is called: no per-processor {@code axon.eventhandling.processors.*} properties are needed (setting one would
 * apply Axon's property defaults, batch size 1 and 16 segments, to that processor).
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingDefaults {

    @Bean
    public ConfigurerModule pooledProcessorDefaults(
            @Value("${tracker.processing.batch-size:100}") int batchSize,
            @Value("${tracker.processing.token-claim-interval-ms:1000}") long tokenClaimIntervalMs,
            @Value("${tracker.processing.claim-extension-threshold-ms:2000}") long claimExtensionThresholdMs,
            @Value("${tracker.processing.segments:1}") int segments,
            @Value("${tracker.processing.wake-up-interval:10ms}") Duration wakeUpInterval) {
        return configurer -> configurer
                // one per Axon configuration, built on first use (a Spring bean would depend on itself here)
                .registerComponent(AwakeningEventSource.class,
                        c -> new AwakeningEventSource(c.eventStore(), wakeUpInterval))
                .eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        // the event store, but processors are woken on new events instead of polling every 500 ms
                        .messageSource(config.getComponent(AwakeningEventSource.class))
                        // Axon's default is 1 event per transaction: slow to fold a long history
                        .batchSize(batchSize)
                        // segments of a new processor, split between the nodes that share the store (one node:
                        // 1; see docs/operations.md); a store's existing tokens keep the count they were made with
                        .initialSegmentCount(segments)
                        // a new processor folds the whole history; a plain tail token, not Axon's default
                        // ReplayToken, so @DisallowReplay handlers see history on a fresh store too
                        .initialToken(StreamableMessageSource::createTailToken)
                        // retry unclaimed segments every second (default 5 s) after a restart
                        .tokenClaimInterval(tokenClaimIntervalMs)
                        // extend claims well within axon.eventhandling.tokenstore.claim-timeout
                        .claimExtensionThreshold(claimExtensionThresholdMs))
                // the hash chain is one sequence by nature: one segment, on one node at a time, always. The appending
                // transactions link their own events (ADR 0026): this processor only catches up with others, so it
                // reads the store itself, twice a second, instead of being woken by every commit
                .registerPooledStreamingEventProcessorConfiguration(AuditChainProjection.PROCESSING_GROUP,
                        (config, builder) -> builder.initialSegmentCount(1).messageSource(config.eventStore()));
    }

}
