package org.casetracker.app.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The metric {@code tracker.processor.lag} (tag {@code processor}): events in the store that the processor's slowest
 * segment has not handled yet, at {@code /actuator/metrics/tracker.processor.lag?tag=processor:case-files}.
 * Registered once the processors exist.
 */
@Component
public class ProcessorLagMetrics {

    static final String METRIC = "tracker.processor.lag";

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, ProcessorLag lag, MeterRegistry registry) {
        this.processing = processing;
        this.lag = lag;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String processor : processing.eventProcessors().keySet()) {
            Gauge.builder(METRIC, lag, l -> l.maxBehind(processor))
                    .tag("processor", processor)
                    .description("events in the store not yet handled by the processor's slowest segment")
                    .baseUnit("events")
                    .register(registry);
        }
    }
}
