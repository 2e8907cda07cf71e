package org.casetracker.app.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.infrastructure.InfraTestMessages.Kind;
import org.casetracker.app.infrastructure.InfraTestMessages.NoteMatter;
import org.casetracker.app.infrastructure.InfraTestMessages.OpenMatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionCatchUpTest extends InfraSpringTestBase {

    @Autowired
    ProjectionCatchUp catchUp;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    RecordingProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void processorsArePooledWithOneSegmentStartingFromAPlainToken() {
        open(1);
        assertThat(catchUp.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

        PooledStreamingEventProcessor processor = processing
                .eventProcessor(RecordingProjection.GROUP, PooledStreamingEventProcessor.class).orElseThrow();
        assertThat(processor.processingStatus().values()).extracting(EventTrackerStatus::getSegment)
                .singleElement().satisfies(segment -> assertThat(segment.getMask()).isZero());
        String tokenType = jdbc.queryForObject(
                "select token_type from token_entry where processor_name = ?", String.class, RecordingProjection.GROUP);
        assertThat(tokenType).isEqualTo("org.axonframework.eventhandling.GapAwareTrackingToken");
    }

    @Test
    void waitsUntilTheProjectionHasSeenTheWrites() {
        List<String> ids = open(5);

        assertThat(catchUp.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();

        assertThat(projection.opened).containsAll(ids);
    }

    @Test
    void catchesUpWhenTheLastEventIsNotHandledByAProcessor() {
        String id = open(1).get(0);
        commandGateway.sendAndWait(new NoteMatter(id, "not handled by the projection"));

        assertThat(catchUp.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
        assertThat(projection.opened).contains(id);
    }

    @Test
    void givesUpAfterTheTimeoutWhenAProjectionIsStuck() throws InterruptedException {
        projection.close();
        try {
            open(1);
            long start = System.nanoTime();
            assertThat(catchUp.awaitCaughtUp(Duration.ofMillis(300))).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(
                    Duration.ofMillis(300), Duration.ofSeconds(3));
        } finally {
            projection.open();
        }
        assertThat(catchUp.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void anEmptyStoreIsCaughtUpAtOnce() {
        EventStore empty = mock(EventStore.class);
        when(empty.createHeadToken()).thenReturn(null);
        assertThat(new ProjectionCatchUp(empty, processing, null).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
    }

    private List<String> open(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "matter-" + UUID.randomUUID();
            commandGateway.sendAndWait(new OpenMatter(id, LocalDate.of(2022, 1, 1), Kind.CIVIL, List.of(), i));
            ids.add(id);
        }
        return ids;
    }
}
