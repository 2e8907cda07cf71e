package org.casetracker.app.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.casetracker.app.TrackerApplication;
import org.casetracker.app.infrastructure.InfraTestMessages.Kind;
import org.casetracker.app.infrastructure.InfraTestMessages.OpenMatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processors are woken by the commit of a write, not by a poll. Here an idle processor looks for new events on its
 * own only every 20 s (the claim interval and extension threshold it waits for when its stream offers a callback),
 * so a write caught up within the 10 s the test waits can only have been handed over by {@link AwakeningEventSource}.
 * Without the wake-up a pooled processor polls the embedded store every 500 ms, which {@link #processorsListenToTheAwakeningSource}
 * rules out. No timing is asserted beyond "well before the next look of its own".
 */
@SpringBootTest(classes = {TrackerApplication.class, InfraTestConfig.class}, properties = {
        "tracker.seed.enabled=false",
        "tracker.processing.token-claim-interval-ms=20000",
        "tracker.processing.claim-extension-threshold-ms=20000",
        "axon.eventhandling.tokenstore.claim-timeout=60s"})
class ProcessorWakeUpTest {

    private static final Duration WELL_BEFORE_ITS_OWN_LOOK = Duration.ofSeconds(10);
    private static final Path DATA_DIR = InfraTestConfig.newDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA_DIR::toString);
    }

    @Autowired
    ProjectionCatchUp catchUp;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    RecordingProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Configuration axon;

    @Test
    void processorsListenToTheAwakeningSource() {
        assertThat(catchUp.awaitCaughtUp(WELL_BEFORE_ITS_OWN_LOOK)).isTrue();

        // every streaming processor's open stream has registered its callback with the source, but the audit chain's,
        // which only catches up with events the appending transactions did not link themselves (ADR 0026)
        AwakeningEventSource source = axon.getComponent(AwakeningEventSource.class);
        assertThat(source.listeningStreams()).isGreaterThanOrEqualTo(processing.eventProcessors().size() - 1);
    }

    @Test
    void everyWriteIsHandedToTheProcessorsAtItsCommit() {
        writesAreCaughtUpBeforeTheProcessorsWouldLook(10);
    }

    @Test
    void staysAwakeAfterAProcessorRestart() {
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(RecordingProjection.GROUP, PooledStreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.start();

        writesAreCaughtUpBeforeTheProcessorsWouldLook(5);
    }

    private void writesAreCaughtUpBeforeTheProcessorsWouldLook(int writes) {
        assertThat(catchUp.awaitCaughtUp(WELL_BEFORE_ITS_OWN_LOOK)).isTrue();
        for (int i = 0; i < writes; i++) {
            String id = "matter-" + UUID.randomUUID();
            commandGateway.sendAndWait(new OpenMatter(id, LocalDate.of(2022, 1, 1), Kind.CIVIL, List.of(), i));
            assertThat(catchUp.awaitCaughtUp(WELL_BEFORE_ITS_OWN_LOOK)).as("write %d caught up", i).isTrue();
            assertThat(projection.opened).contains(id);
        }
    }
}
