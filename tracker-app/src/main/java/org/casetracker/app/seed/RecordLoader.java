package org.casetracker.app.seed;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.assertclaim.AssertClaimController;
import org.casetracker.app.assertclaim.AssertClaimRequest;
import org.casetracker.app.opencase.OpenCaseController;
import org.casetracker.app.opencase.OpenCaseRequest;
import org.casetracker.app.recordfiling.RecordFilingController;
import org.casetracker.app.recordfiling.RecordFilingRequest;
import org.casetracker.app.recording.DocketWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Loads the record of the dispute on first start, through the very code a researcher's requests go
 * through (the controllers, their checks and commands), so it sits in the event store with its sources.
 * A store that holds any event is never loaded again.
 */
@Component
public class RecordLoader {

    private static final Logger log = LoggerFactory.getLogger(RecordLoader.class);

    private final boolean enabled;
    private final Resource record;
    private final EventStore eventStore;
    private final JsonMapper json;
    private final OpenCaseController openCase;
    private final AssertClaimController assertClaim;
    private final RecordFilingController recordFiling;
    private final DocketWriter writer;

    public RecordLoader(@Value("${tracker.seed.enabled:true}") boolean enabled,
                        @Value("${tracker.seed.record:classpath:seed/parler-v-aws.json}") Resource record,
                        EventStore eventStore, JsonMapper json, OpenCaseController openCase,
                        AssertClaimController assertClaim, RecordFilingController recordFiling,
                        DocketWriter writer) {
        this.enabled = enabled;
        this.record = record;
        this.eventStore = eventStore;
        this.json = json;
        this.openCase = openCase;
        this.assertClaim = assertClaim;
        this.recordFiling = recordFiling;
        this.writer = writer;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadOnFirstStart() throws IOException {
        if (!enabled) {
            log.info("Record loading is off (tracker.seed.enabled=false)");
            return;
        }
        if (!storeIsEmpty()) {
            log.info("The event store already holds events; the record is not loaded again");
            return;
        }
        int steps = load();
        log.info("Loaded the record of the dispute from {}: {} steps", record.getDescription(), steps);
    }

    private boolean storeIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().isEmpty();
    }

    int load() throws IOException {
        JsonNode steps = readSteps();
        writer.inSeries(() -> steps.forEach(this::apply), Duration.ofSeconds(30));
        return steps.size();
    }

    private JsonNode readSteps() throws IOException {
        try (InputStream in = record.getInputStream()) {
            return json.readTree(in).required("steps");
        }
    }

    private void apply(JsonNode step) {
        String kind = step.required("step").asString();
        JsonNode body = step.required("body");
        switch (kind) {
            case "openCase" -> openCase.open(json.treeToValue(body, OpenCaseRequest.class));
            case "assertClaim" -> assertClaim.assertClaim(caseId(step), json.treeToValue(body, AssertClaimRequest.class));
            case "recordFiling" -> recordFiling.record(caseId(step), json.treeToValue(body, RecordFilingRequest.class));
            default -> throw new IllegalStateException("unknown step in the record: " + kind);
        }
    }

    private static String caseId(JsonNode step) {
        return step.required("caseId").asString();
    }
}
