package org.casetracker.app.monitoring;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetracker.app.admin.ProjectionRebuilds;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /actuator/health} component {@code processors}: DOWN when a processor on this node has stopped or failed
 * (its projection no longer follows the store), unless a projection rebuild's bulk replay feeds its handlers meanwhile
 * (it is started again at its end); the details (for ADMIN) give per processor the segments claimed here and every
 * segment's lag behind the head of the store (see {@link ProcessorLag}).
 */
@Component("processors")
public class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorLag lag;
    private final ProjectionRebuilds rebuilds;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorLag lag,
                                     ProjectionRebuilds rebuilds) {
        super("the event processors could not be checked");
        this.processing = processing;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean allUp = true;
        Map<String, Object> details = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> named : processing.eventProcessors().entrySet()) {
            if (!(named.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            boolean rebuilding = rebuilds.replayingInBulk(named.getKey());
            boolean up = (processor.isRunning() || rebuilding) && !processor.isError();
            allUp &= up;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("replayingInBulk", rebuilding);
            detail.put("error", processor.isError());
            detail.put("segmentsClaimedHere", processor.processingStatus().keySet());
            detail.put("segments", lag.of(named.getKey()));
            details.put(named.getKey(), detail);
        }
        (allUp ? builder.up() : builder.down()).withDetails(details);
    }
}
