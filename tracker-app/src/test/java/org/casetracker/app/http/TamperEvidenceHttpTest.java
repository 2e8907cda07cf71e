package org.casetracker.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetracker.app.audit.ExportVerifier;
import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing stored history behind the tracker's back, straight in the database, is found by GET /api/audit/verify at
 * exactly the event changed. An application of its own (the record loaded), since the store is tampered with; every
 * test puts the bytes back and checks that the chain verifies again.
 */
class TamperEvidenceHttpTest {

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = Apps.start("tamper", true, List.of());
        http = Apps.http(app);
        jdbc = Apps.jdbc(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void theRestoredStoreVerifiesAgain() {
        Reply verify = http.get("/api/audit/verify").expect(200);
        assertThat((Boolean) verify.read("$.valid")).as(verify.body()).isTrue();
        assertThat(((Number) verify.read("$.eventsChecked")).longValue()).isEqualTo(events());
    }

    @Test
    void aPayloadChangedInTheDatabaseIsFoundAtExactlyThatEvent() {
        long k = position(10);
        byte[] original = payload(k);
        byte[] changed = new String(original, StandardCharsets.UTF_8).replaceFirst("\"(\\w)", "\"X")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(changed).isNotEqualTo(original);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", changed, k);
        try {
            Reply verify = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) verify.read("$.valid")).isFalse();
            assertThat(((Number) verify.read("$.firstBrokenAt")).longValue()).isEqualTo(k);
            assertThat(((Number) verify.read("$.eventsChecked")).longValue()).isEqualTo(11);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, k);
        }
    }

    @Test
    void metadataChangedInTheDatabaseIsFoundAtThatEvent() {
        long k = position(17);
        byte[] original = metaData(k);
        String text = new String(original, StandardCharsets.UTF_8);
        assertThat(text).contains("\"user\":\"system\"");
        jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?",
                text.replace("\"user\":\"system\"", "\"user\":\"mallory\"").getBytes(StandardCharsets.UTF_8), k);
        try {
            assertBrokenAt(k);
        } finally {
            jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", original, k);
        }
    }

    @Test
    void twoPayloadsSwappedAreFoundAtTheFirstOfThem() {
        long i = position(5);
        long j = position(20);
        byte[] first = payload(i);
        byte[] second = payload(j);
        assertThat(first).isNotEqualTo(second);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", second, i);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", first, j);
        try {
            assertBrokenAt(i);
            assertThat(events()).as("nothing was deleted").isEqualTo(jdbc.queryForObject(
                    "select count(*) from audit_chain", Long.class));
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", first, i);
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", second, j);
        }
    }

    @Test
    void aDeletedEventIsFoundWhereItWas() {
        long k = position(12);
        Map<String, Object> row = jdbc.queryForMap("select global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision from domain_event_entry "
                + "where global_index = ?", k);
        byte[] payload = payload(k);
        byte[] metaData = metaData(k);
        jdbc.update("delete from domain_event_entry where global_index = ?", k);
        try {
            assertBrokenAt(k);
        } finally {
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("GLOBAL_INDEX"), row.get("EVENT_IDENTIFIER"),
                    row.get("AGGREGATE_IDENTIFIER"), row.get("SEQUENCE_NUMBER"), row.get("TYPE"),
                    row.get("TIME_STAMP"), row.get("PAYLOAD_TYPE"), row.get("PAYLOAD_REVISION"), payload, metaData);
        }
    }

    @Test
    void theChainIsNeverRecomputedOverATamperedStoreAndNewEventsChainFromTheRecordedHead() {
        long k = position(8);
        byte[] original = payload(k);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                new String(original, StandardCharsets.UTF_8).replaceFirst("\"(\\w)", "\"Y").getBytes(StandardCharsets.UTF_8), k);
        try {
            long before = events();
            http.post("/api/cases", """
                    {"court": "test", "docketNumber": "9:23-cv-00001", "caption": "After v. Tampering",
                     "filedOn": "2023-01-02", "parties": [{"name": "After", "role": "PLAINTIFF"}],
                     "source": {"citation": "https://example.org/after", "verification": "UNVERIFIED"}}""").expect(201);
            Reply verify = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) verify.read("$.valid")).isFalse();
            assertThat(((Number) verify.read("$.firstBrokenAt")).longValue()).isEqualTo(k);
            assertThat(((Number) verify.read("$.headPosition")).longValue()).isGreaterThan(position((int) before - 1));
            assertThat(((Number) verify.read("$.eventsPending")).longValue()).isZero();
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, k);
        }
        // restored: the new event's link was computed from the recorded chain, so all of it verifies (AfterEach)
    }

    @Test
    void anExportOfATamperedStoreFailsOfflineAtThatEvent(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        long k = position(15);
        byte[] original = payload(k);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                new String(original, StandardCharsets.UTF_8).replaceFirst("\"(\\w)", "\"Z").getBytes(StandardCharsets.UTF_8), k);
        try {
            Path file = dir.resolve("export.jsonl");
            Files.writeString(file, http.get("/api/export").expect(200).body(), StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ExportVerifier.run(new String[]{"verify", file.toString()},
                    new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            JsonNode report = new ObjectMapper().readTree(out.toByteArray());
            assertThat(exit).isEqualTo(1);
            assertThat(report.get("firstBrokenAt").longValue()).isEqualTo(k);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, k);
        }
    }

    private static void assertBrokenAt(long position) {
        Reply verify = http.get("/api/audit/verify").expect(200);
        assertThat((Boolean) verify.read("$.valid")).as(verify.body()).isFalse();
        assertThat(((Number) verify.read("$.firstBrokenAt")).longValue()).isEqualTo(position);
    }

    /** The global index of the n-th event (from 0) in the store's order. */
    private static long position(int n) {
        return jdbc.queryForObject("select global_index from domain_event_entry order by global_index offset ? rows "
                + "fetch first 1 rows only", Long.class, n);
    }

    private static long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static byte[] payload(long position) {
        return jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class,
                position);
    }

    private static byte[] metaData(long position) {
        return jdbc.queryForObject("select meta_data from domain_event_entry where global_index = ?", byte[].class,
                position);
    }
}
