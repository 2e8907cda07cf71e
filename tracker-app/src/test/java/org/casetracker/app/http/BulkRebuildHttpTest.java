package org.casetracker.app.http;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.casetracker.app.TrackerApplication;
import org.casetracker.app.casefile.CaseFileProjection;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.domain.shared.DocketEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild replays the store up to its settled head in a bulk replay of its own, then starts the case-file processor
 * at that head (ADR 0021). What must hold: every event's handling commits exactly once, those up to the head in the
 * bulk replay as a replay and those appended meanwhile by the processor afterwards as new events; the processor's
 * token is then at the head, not a replay token; and a bulk replay that fails or is stopped half-way leaves replay
 * tokens from which the processor replays the rest itself. Applications of their own, the record of the dispute
 * loaded, batches of 5 events; a test handler in the case-file processor records every committed handling.
 */
class BulkRebuildHttpTest {

    private static final String BULK_THREAD = "projection-rebuild";
    private static final String NOTICE = """
            {"dateFiled": "2021-10-04", "filedBy": "Parler LLC", "type": "NOTICE", "title": "%s",
             "source": {"citation": "https://example.org/notice", "verification": "UNVERIFIED"}}""";

    /** One committed handling of an event: whether it was a replay, and on which thread. */
    record Handling(boolean replay, String thread) {
    }

    /**
     * Joins the case-file processor. Records each handling once its batch has committed. During a replay it can stop
     * at a given replayed event until released ({@link #holdAt}), or make that event's batch fail once
     * ({@link #failAt}).
     */
    @ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
    static class Recorder {
        final Map<String, List<Handling>> committed = new ConcurrentHashMap<>();
        final AtomicInteger replayed = new AtomicInteger();
        volatile int holdAt = -1;
        volatile int failAt = -1;
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @EventHandler
        void on(DocketEvent event, EventMessage<?> message, ReplayStatus status) throws InterruptedException {
            Handling handling = new Handling(status.isReplay(), Thread.currentThread().getName());
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.afterCommit(u -> committed.computeIfAbsent(message.getIdentifier(),
                    id -> new CopyOnWriteArrayList<>()).add(handling));
            if (!status.isReplay()) {
                return;
            }
            int number = replayed.incrementAndGet();
            if (number == failAt) {
                failAt = -1;
                unitOfWork.root().onPrepareCommit(u -> {
                    throw new IllegalStateException("the test fails this batch");
                });
            }
            if (number == holdAt) {
                held.countDown();
                assertThat(release.await(60, TimeUnit.SECONDS)).as("released by the test").isTrue();
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecorderConfiguration {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    @Test
    void eventsAppendedDuringARebuildAreProjectedOnceAfterItAndTheTokenEndsAtTheHead() throws Exception {
        try (ConfigurableApplicationContext app = start(RecordedAppTest.storeArguments("bulk-rebuild"))) {
            Http http = Apps.http(app);
            JdbcTemplate jdbc = Apps.jdbc(app);
            Recorder recorder = app.getBean(Recorder.class);
            Map<String, Object> rowsBefore = rows(jdbc);
            long head = lastGlobalIndex(jdbc);
            recorder.committed.clear();

            recorder.holdAt = 7; // in the second batch: the head has been read, the first batch committed
            http.post("/api/admin/projections/rebuild", "").expect(202);
            assertThat(recorder.held.await(30, TimeUnit.SECONDS)).as("the bulk replay reached event 7").isTrue();
            http.post("/api/cases/" + RecordedAppTest.STATE + "/filings", NOTICE.formatted("Notice during a rebuild"))
                    .expect(201);
            long appendedUpTo = lastGlobalIndex(jdbc);
            assertThat(appendedUpTo).isGreaterThan(head);
            assertThat((Boolean) http.get("/api/admin/projections").expect(200).read("$.rebuilding")).isTrue();
            assertThat(http.get("/actuator/health").expect(200).<String>read("$.status"))
                    .as("the processor is stopped while the bulk replay feeds its handlers").isEqualTo("UP");
            recorder.release.countDown();
            awaitRebuilt(http);
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.committed.size() == events(jdbc));

            List<String> upToHead = eventIds(jdbc, -1, head);
            List<String> appended = eventIds(jdbc, head, appendedUpTo);
            for (String id : upToHead) {
                assertThat(recorder.committed.get(id)).as("event %s, stored before the rebuild", id)
                        .containsExactly(new Handling(true, BULK_THREAD));
            }
            for (String id : appended) {
                assertThat(recorder.committed.get(id)).as("event %s, appended during the rebuild", id)
                        .hasSize(1).allSatisfy(handling -> {
                            assertThat(handling.replay()).isFalse();
                            assertThat(handling.thread()).isNotEqualTo(BULK_THREAD);
                        });
            }
            assertThat(http.get("/api/cases/" + RecordedAppTest.STATE + "/filings").expect(200)
                    .<List<String>>read("$.filings[*].title")).contains("Notice during a rebuild");
            List<Map<String, Object>> index = jdbc.queryForList("select global_index, case_id from case_event");
            assertThat(index).as("one index row per event and case, none twice").doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("select * from case_event where global_index <= ? order by global_index,"
                    + " case_id", head)).isEqualTo(rowsBefore.get("case_event"));

            // a rebuild with nothing appended hands the processor a token at the settled head, no replay left
            http.post("/api/admin/projections/rebuild", "").expect(202);
            awaitRebuilt(http);
            List<TrackingToken> tokens = tokens(app, jdbc);
            assertThat(tokens).isNotEmpty().allSatisfy(token -> {
                assertThat(token).isInstanceOf(GapAwareTrackingToken.class);
                assertThat(((GapAwareTrackingToken) token).getIndex()).isEqualTo(lastGlobalIndex(jdbc));
                assertThat(((GapAwareTrackingToken) token).getGaps()).isEmpty();
            });
        }
    }

    @Test
    void aBulkReplayThatFailsLeavesReplayTokensAndTheProcessorReplaysTheRest() {
        try (ConfigurableApplicationContext app = start(RecordedAppTest.storeArguments("bulk-rebuild-fails"))) {
            Http http = Apps.http(app);
            JdbcTemplate jdbc = Apps.jdbc(app);
            Recorder recorder = app.getBean(Recorder.class);
            Map<String, Object> reads = reads(http);
            Map<String, Object> rowsBefore = rows(jdbc);
            recorder.committed.clear();

            recorder.failAt = 13; // the third batch (events 11-15) fails; the first two have committed
            http.post("/api/admin/projections/rebuild", "").expect(202);
            awaitRebuilt(http);

            List<String> ids = eventIds(jdbc, -1, lastGlobalIndex(jdbc));
            assertThat(recorder.committed).as("every event's handling committed").hasSize(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                List<Handling> handlings = recorder.committed.get(ids.get(i));
                assertThat(handlings).as("event %d", i + 1).hasSize(1);
                assertThat(handlings.get(0).replay()).as("event %d replayed", i + 1).isTrue();
                if (i < 10) {
                    assertThat(handlings.get(0).thread()).as("event %d", i + 1).isEqualTo(BULK_THREAD);
                } else {
                    assertThat(handlings.get(0).thread()).as("event %d, after the failure", i + 1)
                            .isNotEqualTo(BULK_THREAD);
                }
            }
            assertThat(rows(jdbc)).isEqualTo(rowsBefore);
            assertThat(reads(http)).isEqualTo(reads);
            assertThat(http.get("/actuator/health").expect(200).<String>read("$.status")).isEqualTo("UP");
        }
    }

    @Test
    void aBulkReplayStoppedByAShutdownIsReplayedByTheProcessorAfterARestart() throws Exception {
        List<String> store = RecordedAppTest.storeArguments("bulk-rebuild-restart");
        Map<String, Object> rowsBefore;
        List<String> ids;
        try (ConfigurableApplicationContext app = start(store)) {
            Http http = Apps.http(app);
            JdbcTemplate jdbc = Apps.jdbc(app);
            Recorder recorder = app.getBean(Recorder.class);
            rowsBefore = rows(jdbc);
            ids = eventIds(jdbc, -1, lastGlobalIndex(jdbc));
            recorder.holdAt = 18; // in the fourth batch (16-20), which commits; the close stops the replay after it

            http.post("/api/admin/projections/rebuild", "").expect(202);
            assertThat(recorder.held.await(30, TimeUnit.SECONDS)).as("the bulk replay reached event 18").isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);
            Thread.sleep(500); // the close has begun: the bulk replay stops after the batch it holds
            recorder.release.countDown();
            closed.get(60, TimeUnit.SECONDS);
        }
        try (ConfigurableApplicationContext restarted = start(store)) {
            Http http = Apps.http(restarted);
            JdbcTemplate jdbc = Apps.jdbc(restarted);
            Recorder recorder = restarted.getBean(Recorder.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.committed.size() == ids.size() - 20);
            for (int i = 0; i < ids.size(); i++) {
                List<Handling> handlings = recorder.committed.get(ids.get(i));
                if (i < 20) {
                    assertThat(handlings).as("event %d, committed before the shutdown", i + 1).isNull();
                } else {
                    assertThat(handlings).as("event %d", i + 1).hasSize(1);
                    assertThat(handlings.get(0).replay()).as("event %d replayed", i + 1).isTrue();
                }
            }
            assertThat(rows(jdbc)).isEqualTo(rowsBefore);
            assertThat(http.get("/api/cases/" + RecordedAppTest.REMOVAL).status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(List<String> store) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tracker.seed.enabled=true",
                "--tracker.admin.rebuild-batch-size=5", "--tracker.admin.rebuild-page-size=3"));
        args.addAll(store);
        args.addAll(Http.userArguments());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class,
                RecorderConfiguration.class).run(args.toArray(String[]::new));
        Http http = Apps.http(app);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/cases").expect(200).list("$.cases").size() == 3);
        assertThat(app.getBean(ProjectionCatchUp.class).awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        return app;
    }

    private static void awaitRebuilt(Http http) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !(Boolean) http.get("/api/admin/projections").expect(200).read("$.rebuilding"));
    }

    private static long lastGlobalIndex(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private static long events(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The identifiers of the events with {@code after < global index <= upTo}, in order. */
    private static List<String> eventIds(JdbcTemplate jdbc, long after, long upTo) {
        return jdbc.queryForList("select event_identifier from domain_event_entry where global_index > ?"
                + " and global_index <= ? order by global_index", String.class, after, upTo);
    }

    private static List<TrackingToken> tokens(ConfigurableApplicationContext app, JdbcTemplate jdbc) {
        Serializer serializer = app.getBean("axonSerializer", Serializer.class);
        return jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (row, i) -> serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                        row.getBytes(1), byte[].class, row.getString(2), null)),
                CaseFileProjection.PROCESSING_GROUP);
    }

    private static Map<String, Object> rows(JdbcTemplate jdbc) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("case_event", jdbc.queryForList("select * from case_event order by global_index, case_id"));
        rows.put("case_file", jdbc.queryForList("select * from case_file order by case_id"));
        return rows;
    }

    private static Map<String, Object> reads(Http http) {
        Map<String, Object> reads = new LinkedHashMap<>();
        for (String caseId : List.of(RecordedAppTest.FEDERAL, RecordedAppTest.STATE, RecordedAppTest.REMOVAL)) {
            reads.put(caseId, http.get("/api/cases/" + caseId + "/filings?includeRetracted=true").expect(200)
                    .read("$.filings"));
        }
        return reads;
    }
}
