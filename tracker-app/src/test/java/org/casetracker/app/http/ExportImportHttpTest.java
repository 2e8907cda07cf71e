package org.casetracker.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.audit.AppendLock;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.app.stores.TestStores;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Export from a tracker with the record loaded (plus a correction, a retraction and an event stored by an older
 * tracker, before CaseOpened's revision 2), import into a fresh tracker started without the record: the same cases,
 * case files, dockets and history, and the same head hash. Refused imports write nothing.
 */
@SuppressWarnings("unchecked")
class ExportImportHttpTest {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final String LEGACY = "legacy-2-20-cv-00099";
    private static final List<String> RECORD = List.of(RecordedAppTest.FEDERAL, RecordedAppTest.STATE,
            RecordedAppTest.REMOVAL);

    @Test
    void anExportImportedIntoAnEmptyTrackerReadsTheSameAndChainsToTheSameHead() throws IOException {
        String export;
        String headHash;
        Map<String, Object> before;
        List<Map<String, Object>> caseFilesBefore;
        try (ConfigurableApplicationContext source = Apps.start("export-source", true, List.of())) {
            Http http = Apps.http(source);
            fixesWithReasons(http);
            storeARevision1CaseOpened(source);
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/cases/" + LEGACY).status() == 200);
            // the old event reads as revision 2 everywhere: the live case file (folded by CaseEventStore), an as-of
            // read, and the event store itself (aggregates, processors)
            assertThat((String) http.get("/api/cases/" + LEGACY).expect(200).read("$.judge")).isEqualTo("Barbara J. Rothstein");
            assertThat((String) http.get("/api/cases/" + LEGACY + "?asOf=2021-06-01").expect(200).read("$.judge"))
                    .isEqualTo("Barbara J. Rothstein");
            CaseOpened upcast = (CaseOpened) source.getBean(EventStore.class).readEvents(LEGACY, 0).next().getPayload();
            assertThat(upcast.judges()).containsExactly("Barbara J. Rothstein");
            http.post("/api/cases/" + LEGACY + "/filings", """
                    {"dateFiled": "2021-02-01", "filedBy": "Parler LLC", "type": "NOTICE", "title": "A notice",
                     "source": {"citation": "https://example.org/legacy", "verification": "UNVERIFIED"}}""").expect(201);

            Reply verify = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) verify.read("$.valid")).isTrue();
            headHash = verify.read("$.headHash");
            export = http.get("/api/export").expect(200).body();
            before = snapshot(http);
            caseFilesBefore = caseFiles(Apps.jdbc(source));
        }
        List<String> lines = export.lines().toList();
        assertThat(lines).hasSizeGreaterThan(45);

        try (ConfigurableApplicationContext target = Apps.start("import-target", false, List.of())) {
            Apps.Client client = Apps.client(target);
            Http http = Apps.http(target);
            JdbcTemplate jdbc = Apps.jdbc(target);

            // refused, and nothing written: a malformed line, a chain that does not verify, the wrong media type
            List<String> malformed = new ArrayList<>(lines);
            malformed.set(2, "{\"globalIndex\": 3, oops");
            Reply notJson = client.post("/api/import", NDJSON, String.join("\n", malformed), Map.of()).expect(400);
            assertThat(notJson.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat((String) notJson.read("$.detail")).contains("line 3");
            List<String> tampered = new ArrayList<>(lines);
            tampered.set(40, AuditTrailHttpTest.changeOneCharacterOfThePayload(lines.get(40)));
            long tamperedIndex = new ObjectMapper().readTree(lines.get(40)).get("globalIndex").longValue();
            Reply broken = client.post("/api/import", NDJSON, String.join("\n", tampered), Map.of()).expect(400);
            assertThat((String) broken.read("$.detail")).contains("does not verify", "event " + tamperedIndex);
            client.post("/api/import", MediaType.APPLICATION_JSON, export, Map.of()).expect(415);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from audit_chain", Long.class)).isZero();

            Reply imported = client.post("/api/import", NDJSON, export, Map.of()).expect(200);
            assertThat(((Number) imported.read("$.eventsImported")).intValue()).isEqualTo(lines.size());
            assertThat((String) imported.read("$.headHash")).isEqualTo(headHash);
            assertThat((Boolean) imported.read("$.caughtUp")).isTrue();

            Reply verify = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) verify.read("$.valid")).isTrue();
            assertThat((String) verify.read("$.headHash")).isEqualTo(headHash);
            assertThat(((Number) verify.read("$.eventsChecked")).intValue()).isEqualTo(lines.size());
            assertThat(snapshot(http)).isEqualTo(before);
            assertThat(caseFiles(jdbc)).isEqualTo(caseFilesBefore);
            assertThat(http.get("/api/export").expect(200).body()).as("the target exports the very same lines")
                    .isEqualTo(export);

            // a second import is refused: the store is no longer empty
            assertThat((String) client.post("/api/import", NDJSON, export, Map.of()).expect(409).read("$.detail"))
                    .contains("empty store");

            // and recording goes on after the imported events, on the same chain
            long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            http.post("/api/cases/" + RecordedAppTest.STATE + "/filings", """
                    {"dateFiled": "2021-10-06", "filedBy": "Amazon.com, Inc.", "type": "NOTICE", "title": "After import",
                     "source": {"citation": "https://example.org/after-import", "verification": "UNVERIFIED"}}""")
                    .expect(201);
            assertThat(jdbc.queryForObject("select min(global_index) from domain_event_entry where global_index > ?",
                    Long.class, last)).isEqualTo(last + 1);
            Reply after = http.get("/api/audit/verify").expect(200);
            assertThat((Boolean) after.read("$.valid")).isTrue();
            assertThat(((Number) after.read("$.eventsChecked")).intValue()).isEqualTo(lines.size() + 1);
        }
    }

    /** A filing in the King County case, corrected and then retracted: events with reasons. */
    private static void fixesWithReasons(Http http) {
        String id = http.post("/api/cases/" + RecordedAppTest.STATE + "/filings", """
                {"dateFiled": "2021-10-05", "filedBy": "Parler LLC", "type": "NOTICE", "title": "Notice",
                 "source": {"citation": "https://example.org/notice", "verification": "UNVERIFIED"}}""")
                .expect(201).read("$.id");
        String path = "/api/cases/" + RecordedAppTest.STATE + "/filings/" + id;
        http.post(path + "/corrections", "{\"changes\": {\"dateFiled\": \"2021-10-04\"}, \"reason\": \"Clerk stamp\"}")
                .expect(201);
        http.post(path + "/retraction", "{\"reason\": \"Recorded in error\"}").expect(201);
    }

    /** CaseOpened exactly as a tracker before revision 2 stored it (no revision, one "judge"), of a case of its own. */
    private static void storeARevision1CaseOpened(ConfigurableApplicationContext app) throws IOException {
        String payload;
        try (InputStream in = ExportImportHttpTest.class.getResourceAsStream("/fixtures/case-opened-revision-1.json")) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("wawd-2-21-cv-00031", LEGACY)
                    .replace("\"court\":\"wawd\"", "\"court\":\"legacy\"")
                    .replace("2:21-cv-00031", "2:20-cv-00099");
        }
        String metaData = "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}";
        JdbcTemplate jdbc = Apps.jdbc(app);
        new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            app.getBean(AppendLock.class).acquire();
            String nextIndex = TestStores.onPostgres() ? "nextval('domain_event_global_index_seq')"
                    : "next value for domain_event_global_index_seq";
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (%s, ?, ?, 0, 'CaseAggregate', ?, ?, null, ?, ?)""".formatted(nextIndex),
                    UUID.randomUUID().toString(), LEGACY, DateTimeUtils.formatInstant(Instant.now()),
                    CaseOpened.class.getName(), payload.getBytes(StandardCharsets.UTF_8),
                    metaData.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** What a reader sees of every case: the list, and per case its detail, claims, docket and history. */
    private static Map<String, Object> snapshot(Http http) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        List<Map<String, Object>> cases = http.get("/api/cases").expect(200).read("$.cases");
        snapshot.put("cases", cases);
        assertThat(cases).extracting(c -> c.get("id")).containsAll(RECORD).contains(LEGACY);
        for (Map<String, Object> summary : cases) {
            String id = (String) summary.get("id");
            snapshot.put(id, withoutCut(http.get("/api/cases/" + id).expect(200).read("$")));
            snapshot.put(id + " claims", http.get("/api/cases/" + id + "/claims").expect(200).read("$.claims"));
            snapshot.put(id + " docket", http.get("/api/cases/" + id + "/filings?includeRetracted=true").expect(200)
                    .read("$.filings"));
            snapshot.put(id + " history", http.get("/api/cases/" + id + "/history?size=500").expect(200)
                    .read("$.entries"));
        }
        return snapshot;
    }

    private static Map<String, Object> withoutCut(Map<String, Object> read) {
        Map<String, Object> copy = new LinkedHashMap<>(read);
        copy.remove("asOf");
        copy.remove("knownAt");
        return copy;
    }

    private static List<Map<String, Object>> caseFiles(JdbcTemplate jdbc) {
        return jdbc.queryForList("select * from case_file order by case_id");
    }
}
