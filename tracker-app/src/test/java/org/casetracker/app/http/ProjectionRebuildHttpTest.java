package org.casetracker.app.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetracker.app.audit.AuditChainProjection;
import org.casetracker.app.casefile.CaseFileProjection;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.domain.shared.DocketEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * POST /api/admin/projections/rebuild replays the store into the case-file projection, in place: reads answer with
 * the same data all along, progress is shown, no row is duplicated, intact rows are not written again, rows gone wrong
 * are written again, and the hash chain is left alone. An application of its own; a test handler in the case-file
 * processor slows the replay down enough to read during it.
 */
@SuppressWarnings("unchecked")
class ProjectionRebuildHttpTest {

    private static final List<String> RECORD = List.of(RecordedAppTest.FEDERAL, RecordedAppTest.STATE,
            RecordedAppTest.REMOVAL);

    /**
     * Joins the case-file processor: 200 ms per replayed event, nothing otherwise. The replay must outlast the test's
     * checks "during" it; when the processor replayed the store itself, PostgreSQL's segments replayed in parallel, and
     * at 50 ms a rebuild of the record sometimes ended before the second rebuild was asked for (202 instead of 409).
     */
    @ProcessingGroup(CaseFileProjection.PROCESSING_GROUP)
    static class SlowReplay {
        final AtomicInteger replayed = new AtomicInteger();

        @EventHandler
        void on(DocketEvent event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay()) {
                replayed.incrementAndGet();
                Thread.sleep(200);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowReplayConfiguration {
        @Bean
        SlowReplay slowReplay() {
            return new SlowReplay();
        }
    }

    @Test
    void aRebuildReplaysInPlaceWhileReadsKeepAnsweringAndLeavesTheChainAlone() {
        try (ConfigurableApplicationContext app = Apps.start("rebuild", true, List.of(SlowReplayConfiguration.class),
                "--tracker.processing.batch-size=5", "--tracker.admin.rebuild-batch-size=5",
                "--tracker.admin.rebuild-progress-log-interval=200ms")) {
            Http http = Apps.http(app);
            JdbcTemplate jdbc = Apps.jdbc(app);
            Map<String, Object> before = reads(http);
            Map<String, Object> rowsBefore = rows(jdbc);
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            IndexWriteCounts indexWrites = IndexWriteCounts.of(app);
            Reply started = http.post("/api/admin/projections/rebuild", "").expect(202);
            assertThat(started.location()).isEqualTo("/api/admin/projections");
            assertThat((Boolean) started.read("$.rebuilding")).isTrue();
            assertThat((List<Object>) started.read("$.processors[?(@.name == 'audit-chain')].rebuildable"))
                    .containsExactly(false);
            assertThat((List<Object>) started.read("$.processors[?(@.name == 'case-files')].rebuildable"))
                    .containsExactly(true);

            // during the replay: progress is shown, reads answer 200 with the same data, a second rebuild is refused
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, Object> caseFiles = caseFiles(http);
                long done = ((Number) caseFiles.get("eventsDone")).longValue();
                return Boolean.TRUE.equals(caseFiles.get("replaying")) && done > 0 && done < events;
            });
            assertThat(reads(http)).isEqualTo(before);
            Map<String, Object> during = caseFiles(http);
            assertThat(during.get("replaying")).as("still replaying after the reads").isEqualTo(true);
            assertThat(((Number) during.get("eventsTotal")).longValue()).isEqualTo(events);
            assertThat(((Number) during.get("eventsPerSecond")).doubleValue()).isPositive();
            assertThat(((Number) during.get("etaSeconds")).doubleValue()).isPositive();
            assertThat((List<Object>) http.get("/api/admin/projections").expect(200)
                    .read("$.processors[?(@.name == 'audit-chain')].replaying")).containsExactly(false);
            assertThat((String) http.post("/api/admin/projections/rebuild", "").expect(409).read("$.detail"))
                    .contains("already running");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !(Boolean) http.get("/api/admin/projections").expect(200).read("$.rebuilding"));
            Reply done = http.get("/api/admin/projections").expect(200);
            assertThat((String) done.read("$.rebuildFinishedAt")).isNotNull();
            Map<String, Object> caseFiles = caseFiles(http);
            assertThat(caseFiles.get("replaying")).isEqualTo(false);
            assertThat(((Number) caseFiles.get("eventsDone")).longValue()).isEqualTo(events);
            assertThat(((Number) caseFiles.get("etaSeconds")).doubleValue()).isZero();
            assertThat(app.getBean(SlowReplay.class).replayed.get()).as("every event was replayed")
                    .isEqualTo((int) events);

            // the same answers and the same rows: a replayed event rewrote its row, it did not add one
            assertThat(reads(http)).isEqualTo(before);
            assertThat(rows(jdbc)).isEqualTo(rowsBefore);
            // ...and an intact index was only read, not written again (ADR 0020)
            long indexRows = ((List<?>) rowsBefore.get("case_event")).size();
            assertThat(indexWrites.since(app)).as("inserted, updated, unchanged")
                    .containsExactly(0L, 0L, indexRows);

            // a rebuild repairs: projection rows gone wrong or missing are written again from the events, and only
            // those: a changed text, a changed legal date and type, another event's identifier, a deleted row
            List<Long> removal = jdbc.queryForList("select global_index from case_event where case_id = ?"
                    + " order by global_index", Long.class, RecordedAppTest.REMOVAL);
            assertThat(removal).hasSizeGreaterThanOrEqualTo(4);
            jdbc.update("update case_event set summary = 'stale', recorded_by = null where global_index = ?",
                    removal.get(0));
            jdbc.update("update case_event set legal_date = date '1999-01-01', event_type = 'Stale'"
                    + " where global_index = ?", removal.get(1));
            jdbc.update("update case_event set event_id = 'not-this-event' where global_index = ?", removal.get(2));
            jdbc.update("delete from case_event where global_index = ?", removal.get(3));
            jdbc.update("delete from case_file where case_id = ?", RecordedAppTest.FEDERAL);
            assertThat(http.get("/api/cases/" + RecordedAppTest.FEDERAL).status()).isEqualTo(404);
            indexWrites = IndexWriteCounts.of(app);
            http.post("/api/admin/projections/rebuild", "").expect(202);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !(Boolean) http.get("/api/admin/projections").expect(200).read("$.rebuilding"));
            assertThat(rows(jdbc)).isEqualTo(rowsBefore);
            assertThat(reads(http)).isEqualTo(before);
            assertThat(indexWrites.since(app)).as("inserted, updated, unchanged")
                    .containsExactly(1L, 3L, indexRows - 4);

            // the chain was not rebuilt (its links are the same) and still verifies; it cannot be reset at all
            Reply verify = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) verify.read("$.valid")).isTrue();
            StreamingEventProcessor chain = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(AuditChainProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            assertThat(chain.supportsReset()).isFalse();
            assertThatThrownBy(chain::resetTokens).isInstanceOf(IllegalStateException.class);
        }
    }

    /** The metric of the index's writes ({@code tracker.casefile.index.rows}) at one moment. */
    private record IndexWriteCounts(long inserted, long updated, long unchanged) {

        static IndexWriteCounts of(ConfigurableApplicationContext app) {
            MeterRegistry registry = app.getBean(MeterRegistry.class);
            return new IndexWriteCounts(count(registry, "inserted"), count(registry, "updated"),
                    count(registry, "unchanged"));
        }

        private static long count(MeterRegistry registry, String write) {
            return (long) registry.get("tracker.casefile.index.rows").tag("write", write).counter().count();
        }

        /** {inserted, updated, unchanged} since this moment. */
        List<Long> since(ConfigurableApplicationContext app) {
            IndexWriteCounts now = of(app);
            return List.of(now.inserted - inserted, now.updated - updated, now.unchanged - unchanged);
        }
    }

    private static Map<String, Object> caseFiles(Http http) {
        List<Map<String, Object>> found = http.get("/api/admin/projections").expect(200)
                .read("$.processors[?(@.name == 'case-files')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> reads(Http http) {
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("cases", http.get("/api/cases").expect(200).read("$.cases"));
        for (String caseId : RECORD) {
            Map<String, Object> detail = new LinkedHashMap<>(http.get("/api/cases/" + caseId).expect(200).read("$"));
            detail.remove("asOf");
            detail.remove("knownAt");
            reads.put(caseId, detail);
            reads.put(caseId + " docket", http.get("/api/cases/" + caseId + "/filings?includeRetracted=true")
                    .expect(200).read("$.filings"));
            reads.put(caseId + " as of", http.get("/api/cases/" + caseId + "/filings?asOf=2021-06-01").expect(200)
                    .read("$.filings"));
            reads.put(caseId + " history", http.get("/api/cases/" + caseId + "/history?size=500").expect(200)
                    .read("$.entries"));
        }
        return reads;
    }

    /** Every projection row and every link of the chain. */
    private static Map<String, Object> rows(JdbcTemplate jdbc) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("case_event", jdbc.queryForList("select * from case_event order by global_index, case_id"));
        rows.put("case_file", jdbc.queryForList("select * from case_file order by case_id"));
        rows.put("audit_chain", jdbc.queryForList("select * from audit_chain order by global_index"));
        return rows;
    }
}
