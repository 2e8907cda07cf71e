package org.casetracker.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetracker.app.audit.AuditChainProjection;
import org.casetracker.app.audit.ExportVerifier;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.app.metadata.RecordingUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #4 on the shared application: the metadata of every event, the history with it and its filters, the hash
 * chain's verification, the JSON Lines export verified offline, and an import refused into a store that holds events.
 */
@SuppressWarnings("unchecked")
class AuditTrailHttpTest extends RecordedAppTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String HASH_SHAPE = "[0-9a-f]{64}";

    @TempDir
    Path dir;

    @Autowired
    EventProcessingConfiguration processing;

    private Apps.Client withHeaders() {
        return new Apps.Client(port);
    }

    private List<Map<String, Object>> history(String caseId, String query) {
        return http.get("/api/cases/" + caseId + "/history?size=500" + query).expect(200).read("$.entries");
    }

    @Test
    void theRecordWasRecordedBySystemEachStepWithItsCorrelationIdAndEveryEventHasAHash() {
        List<Map<String, Object>> entries = history(FEDERAL, "");
        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.get("user")).isEqualTo(RecordingUser.SYSTEM);
            assertThat((String) entry.get("correlationId")).matches(UUID_SHAPE);
            assertThat((String) entry.get("hash")).matches(HASH_SHAPE);
        });
        // one correlation id per step of the record: the filing of the order and its effects share one
        Map<String, Object> order = entries.stream()
                .filter(e -> "FilingRecorded".equals(e.get("eventType")) && ((String) e.get("summary")).contains("Dkt 34"))
                .findFirst().orElseThrow();
        List<Map<String, Object>> sameRequest = history(FEDERAL, "&correlationId=" + order.get("correlationId"));
        assertThat(sameRequest).extracting(e -> e.get("eventType"))
                .contains("FilingRecorded", "MotionDecided");
        assertThat(entries.stream().map(e -> e.get("correlationId")).distinct().count()).isGreaterThan(5);

        // the metadata is stored beside the payload, not in it
        Number position = (Number) entries.get(0).get("position");
        String metaData = new String(jdbc.queryForObject("select meta_data from domain_event_entry where global_index = ?",
                byte[].class, position.longValue()), StandardCharsets.UTF_8);
        String payload = new String(jdbc.queryForObject("select payload from domain_event_entry where global_index = ?",
                byte[].class, position.longValue()), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"user\":\"system\"", "\"correlationId\":\"" + entries.get(0).get("correlationId"),
                "\"source\":{", "\"verification\":\"VERIFIED\"", "\"causationId\":", "\"traceId\":");
        assertThat(payload).doesNotContain("\"user\"", "correlationId");
    }

    @Test
    void aWriteRecordsTheClientsCorrelationIdTheUserTheReasonAndTheSource() {
        String opening = "audit-open-" + UUID.randomUUID();
        String docketNumber = "9:22-cv-" + UUID.randomUUID().toString().substring(0, 8);
        Reply opened = withHeaders().postJson("/api/cases", """
                {"court": "test", "courtName": "Test Court", "docketNumber": "%s",
                 "caption": "Audit Co. v. Trail Inc.", "filedOn": "2022-02-01", "judge": "Jane Q. Judge",
                 "parties": [{"name": "Audit Co.", "role": "PLAINTIFF"}], "source": %s}"""
                .formatted(docketNumber, SOURCE), Map.of("X-Correlation-Id", opening)).expect(201);
        assertThat(opened.headers().getFirst("X-Correlation-Id")).isEqualTo(opening);
        String caseId = opened.read("$.id");
        String filingId = record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-02-01", "filedBy": "Audit Co.", "type": "COMPLAINT",
                "title": "Complaint\"""");

        String correcting = "audit-correct-" + UUID.randomUUID();
        withHeaders().postJson("/api/cases/" + caseId + "/filings/" + filingId + "/corrections", """
                {"changes": {"title": "Verified complaint"}, "reason": "The caption page says verified",
                 "source": {"citation": "https://example.org/complaint p.1", "verification": "SECONDARY"}}""",
                Map.of("X-Correlation-Id", correcting)).expect(201);
        String retracting = "audit-retract-" + UUID.randomUUID();
        withHeaders().postJson("/api/cases/" + caseId + "/filings/" + filingId + "/retraction",
                "{\"reason\": \"Recorded in the wrong case\"}", Map.of("X-Correlation-Id", retracting)).expect(201);

        List<Map<String, Object>> entries = history(caseId, "");
        assertThat(entries).extracting(e -> e.get("eventType"))
                .containsExactly("CaseOpened", "FilingRecorded", "FilingCorrected", "FilingRetracted");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("user")).isEqualTo(Http.RECORDER);
            assertThat((String) e.get("hash")).matches(HASH_SHAPE);
        });
        assertThat(entries).extracting(e -> e.get("correlationId")).startsWith(opening).contains(correcting, retracting);
        Map<String, Object> correction = entries.get(2);
        assertThat(correction.get("reason")).isEqualTo("The caption page says verified");
        assertThat(correction.get("source")).isEqualTo(Map.of("citation", "https://example.org/complaint p.1",
                "verification", "SECONDARY"));
        assertThat(entries.get(3).get("reason")).isEqualTo("Recorded in the wrong case");
        assertThat(entries.get(3).get("source")).isNull();

        // the metadata as stored: the correction's reason and source, the retraction's reason
        String correctionMetaData = metaDataAt(correction);
        assertThat(correctionMetaData).contains("\"reason\":\"The caption page says verified\"",
                "\"citation\":\"https://example.org/complaint p.1\"", "\"user\":\"" + Http.RECORDER + "\"",
                "\"correlationId\":\"" + correcting + "\"");
        assertThat(metaDataAt(entries.get(3))).contains("\"reason\":\"Recorded in the wrong case\"")
                .doesNotContain("\"source\"");

        // filters
        assertThat(history(caseId, "&correlationId=" + correcting)).extracting(e -> e.get("eventType"))
                .containsExactly("FilingCorrected");
        assertThat(history(caseId, "&eventType=FilingRetracted")).extracting(e -> e.get("reason"))
                .containsExactly("Recorded in the wrong case");
        assertThat(history(caseId, "&user=" + Http.RECORDER)).hasSize(4);
        assertThat(history(caseId, "&user=system")).isEmpty();
        Instant correctedAt = Instant.parse((String) correction.get("recordedAt"));
        assertThat(history(caseId, "&recordedFrom=" + correctedAt)).extracting(e -> e.get("eventType"))
                .containsExactly("FilingCorrected", "FilingRetracted");
        assertThat(history(caseId, "&recordedTo=" + correctedAt.minusNanos(1000))).extracting(e -> e.get("eventType"))
                .containsExactly("CaseOpened", "FilingRecorded");
        assertThat(history(caseId, "&recordedFrom=" + correctedAt + "&recordedTo=" + correctedAt
                + "&eventType=FilingCorrected&user=" + Http.RECORDER)).hasSize(1);
        Reply paged = http.get("/api/cases/" + caseId + "/history?size=1&page=1&user=" + Http.RECORDER).expect(200);
        assertThat(((Number) paged.read("$.totalEntries")).intValue()).isEqualTo(4);
        assertThat((String) paged.read("$.entries[0].eventType")).isEqualTo("FilingRecorded");
    }

    @Test
    void anInsaneOrMissingCorrelationIdIsReplacedByANewOneEchoedAndRecorded() {
        for (Map<String, String> headers : List.of(Map.of("X-Correlation-Id", "not sane; has spaces"),
                Map.of("X-Correlation-Id", "x".repeat(129)), Map.<String, String>of())) {
            String docketNumber = "9:22-cv-" + UUID.randomUUID().toString().substring(0, 8);
            Reply opened = withHeaders().postJson("/api/cases", """
                    {"court": "test", "docketNumber": "%s", "caption": "A v. B", "filedOn": "2022-03-01",
                     "parties": [{"name": "A", "role": "PLAINTIFF"}], "source": %s}"""
                    .formatted(docketNumber, SOURCE), headers).expect(201);
            String echoed = opened.headers().getFirst("X-Correlation-Id");
            assertThat(echoed).matches(UUID_SHAPE);
            assertThat(history(opened.read("$.id"), "")).extracting(e -> e.get("correlationId")).containsExactly(echoed);
        }
        // reads and refusals are answered with one too
        assertThat(withHeaders().get("/api/cases/no-such-case", Map.of("X-Correlation-Id", "read-1")).expect(404)
                .headers().getFirst("X-Correlation-Id")).isEqualTo("read-1");
    }

    @Test
    void historyFiltersThatCannotBeReadAre400ProblemsNamingTheFilter() {
        assertBadFilter("recordedFrom=yesterday", "recordedFrom");
        assertBadFilter("recordedTo=2021-01-21", "recordedTo");
        assertBadFilter("recordedFrom=2021-02-01T00:00:00Z&recordedTo=2021-01-01T00:00:00Z", "recordedTo");
        assertBadFilter("eventType=CaseDeleted", "eventType");
        assertBadFilter("user=", "user");
        assertBadFilter("user=" + "u".repeat(201), "user");
    }

    private void assertBadFilter(String query, String field) {
        Reply reply = http.get("/api/cases/" + FEDERAL + "/history?" + query).expect(400);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat((String) reply.read("$.errors[0].field")).isEqualTo(field);
    }

    @Test
    void verifyRecomputesTheWholeChainAndFindsItValid() {
        Reply verify = http.get("/api/audit/verify").expect(200);
        long events = storedEvents();
        assertThat((Boolean) verify.read("$.valid")).isTrue();
        assertThat(((Number) verify.read("$.eventsChecked")).longValue()).isEqualTo(events);
        assertThat((Object) verify.read("$.firstBrokenAt")).isNull();
        assertThat(((Number) verify.read("$.eventsPending")).longValue()).isZero();
        Map<String, Object> head = jdbc.queryForMap(
                "select global_index, hash from audit_chain order by global_index desc fetch first 1 rows only");
        assertThat((String) verify.read("$.headHash")).isEqualTo(head.get("HASH"));
        assertThat(((Number) verify.read("$.headPosition")).longValue())
                .isEqualTo(((Number) head.get("GLOBAL_INDEX")).longValue())
                .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(jdbc.queryForObject("select count(*) from audit_chain", Long.class)).isEqualTo(events);
    }

    @Test
    void theExportHoldsEveryEventWithItsMetadataAndHashAndVerifiesOffline() throws Exception {
        Reply export = http.get("/api/export").expect(200);
        assertThat(export.contentType().isCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))).isTrue();
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize((int) storedEvents());
        ObjectMapper json = new ObjectMapper();
        long previous = 0;
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.get("globalIndex").longValue()).isGreaterThan(previous);
            previous = event.get("globalIndex").longValue();
            assertThat(event.get("hash").textValue()).matches(HASH_SHAPE);
            assertThat(event.get("metaData").get("user").textValue()).isIn(RecordingUser.SYSTEM, Http.RECORDER);
            assertThat(event.get("payloadType").textValue()).startsWith("org.casetracker.domain.");
        }
        String head = json.readTree(lines.get(lines.size() - 1)).get("hash").textValue();
        assertThat(export.headers().getFirst("X-Audit-Head-Hash")).isEqualTo(head);

        JsonNode valid = verifyOffline(lines, 0);
        assertThat(valid.get("valid").booleanValue()).isTrue();
        assertThat(valid.get("eventsChecked").longValue()).isEqualTo(lines.size());
        assertThat(valid.get("headHash").textValue()).isEqualTo(head);

        // one character of one payload changed: the verifier points at exactly that event
        int k = lines.size() / 2;
        JsonNode target = json.readTree(lines.get(k));
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(k, changeOneCharacterOfThePayload(lines.get(k)));
        assertThat(tampered.get(k)).isNotEqualTo(lines.get(k));
        JsonNode broken = verifyOffline(tampered, 1);
        assertThat(broken.get("valid").booleanValue()).isFalse();
        assertThat(broken.get("firstBrokenAt").longValue()).isEqualTo(target.get("globalIndex").longValue());
    }

    /** The first letter of the payload's first member name, changed: the line stays valid JSON. */
    static String changeOneCharacterOfThePayload(String line) {
        String start = "\"payload\":\"{\\\"";
        int at = line.indexOf(start) + start.length();
        assertThat(line.indexOf(start)).isNotNegative();
        char other = line.charAt(at) == 'x' ? 'y' : 'x';
        return line.substring(0, at) + other + line.substring(at + 1);
    }

    private JsonNode verifyOffline(List<String> lines, int expectedExit) throws Exception {
        Path file = dir.resolve("export-" + UUID.randomUUID() + ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ExportVerifier.run(new String[]{"verify", file.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void anImportIntoAStoreThatHoldsEventsIsRefusedWith409AndWritesNothing() {
        String export = http.get("/api/export").expect(200).body();
        long before = storedEvents();
        Reply refused = withHeaders().post("/api/import", MediaType.parseMediaType("application/x-ndjson"), export, Map.of())
                .expect(409);
        assertThat(refused.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat((String) refused.read("$.detail")).contains("empty store");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * A transaction that appends links its own events before it commits (ADR 0026): with the chain's processor stopped,
     * a filing with effects is chained the moment its write has answered, and every event stored has its link.
     */
    @Test
    void eventsAndTheirLinksCommitTogether() {
        StreamingEventProcessor chain = processing.eventProcessor(AuditChainProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        chain.shutDown();
        try {
            String caseId = openCase("2022-01-10");
            record(caseId, """
                    "entryNumber": 1, "dateFiled": "2022-01-11", "filedBy": "Plaintiff Co.",
                    "type": "NOTICE_OF_VOLUNTARY_DISMISSAL", "title": "Notice of voluntary dismissal",
                    "effects": {"cases": [{"caseId": "%s", "status": "CLOSED", "disposition": "VOLUNTARILY_DISMISSED"}]}
                    """.formatted(caseId));
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry e
                    where not exists (select 1 from audit_chain c where c.global_index = e.global_index)""",
                    Long.class)).as("events without a link").isZero();
            assertThat(history(caseId, "")).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(entry -> assertThat((String) entry.get("hash")).matches(HASH_SHAPE));
            assertThat((Boolean) http.get("/api/audit/verify").expect(200).read("$.valid")).isTrue();
        } finally {
            chain.start();
        }
    }

    @Test
    void theApiDocsListTheAuditAndAdminPaths() {
        Map<String, Map<String, Object>> paths = http.get("/v3/api-docs").expect(200).read("$.paths");
        assertThat(paths).containsKeys("/api/audit/verify", "/api/export", "/api/import",
                "/api/admin/projections", "/api/admin/projections/rebuild");
    }

    private String metaDataAt(Map<String, Object> entry) {
        return new String(jdbc.queryForObject("select meta_data from domain_event_entry where global_index = ?",
                byte[].class, ((Number) entry.get("position")).longValue()), StandardCharsets.UTF_8);
    }
}
