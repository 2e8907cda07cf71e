package org.casetracker.app.http;

import org.casetracker.app.TrackerApplication;
import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as deployed: started, stopped and started again on the same data directory. The record is
 * loaded on the first start only, and everything recorded survives the restart exactly once.
 */
@SuppressWarnings("unchecked")
class RestartHttpTest {

    private static final List<String> RECORD = List.of(RecordedAppTest.FEDERAL, RecordedAppTest.STATE,
            RecordedAppTest.REMOVAL);

    @Test
    void theRecordAndWhatWasAddedSurviveARestartAndTheRecordIsNotLoadedAgain() {
        List<String> store = RecordedAppTest.storeArguments("restart");
        String extra = RecordedAppTest.STATE + "-2021-10-04-notice";
        Map<String, Object> before;
        List<Map<String, Object>> casesBefore;
        long eventsBefore;

        try (ConfigurableApplicationContext first = start(store, true)) {
            Http http = http(first);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/cases").expect(200).list("$.cases").size() == 3);
            casesBefore = http.get("/api/cases").expect(200).read("$.cases");
            assertThat(casesBefore).extracting(c -> c.get("id")).containsExactlyElementsOf(RECORD);

            Reply recorded = http.post("/api/cases/" + RecordedAppTest.STATE + "/filings", """
                    {"dateFiled": "2021-10-04", "filedBy": "Parler LLC", "type": "NOTICE",
                     "title": "Notice of appearance after remand",
                     "source": {"citation": "https://example.org/notice", "verification": "UNVERIFIED"}}""")
                    .expect(201);
            assertThat((String) recorded.read("$.id")).isEqualTo(extra);

            before = snapshot(http);
            eventsBefore = storedEvents(first);
            assertThat(openings(http, RecordedAppTest.FEDERAL)).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(store, true)) {
            Http http = http(second);
            assertThat(storedEvents(second)).as("events in the store after the restart").isEqualTo(eventsBefore);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(snapshot(http)).isEqualTo(before));
            assertThat((List<Map<String, Object>>) http.get("/api/cases").expect(200).read("$.cases"))
                    .isEqualTo(casesBefore);
            for (String caseId : RECORD) {
                assertThat(openings(http, caseId)).as("openings of %s", caseId).isEqualTo(1);
            }
            Reply notice = http.get("/api/cases/" + RecordedAppTest.STATE + "/filings/" + extra).expect(200);
            assertThat((String) notice.read("$.title")).isEqualTo("Notice of appearance after remand");
            assertThat((String) notice.read("$.source.verification")).isEqualTo("UNVERIFIED");

            // and recording goes on where it left off
            Reply another = http.post("/api/cases/" + RecordedAppTest.STATE + "/filings", """
                    {"dateFiled": "2021-10-04", "filedBy": "Amazon.com, Inc.", "type": "NOTICE",
                     "title": "Notice of appearance",
                     "source": {"citation": "https://example.org/notice-2", "verification": "UNVERIFIED"}}""")
                    .expect(201);
            assertThat((String) another.read("$.id")).isEqualTo(extra + "-2");
            assertThat(http.get("/api/cases/" + RecordedAppTest.STATE + "/filings/" + extra + "-2").status())
                    .isEqualTo(200);
            assertThat(storedEvents(second)).isEqualTo(eventsBefore + 1);
        }
    }

    @Test
    void withTheRecordSwitchedOffTheStoreStartsEmpty() {
        try (ConfigurableApplicationContext app = start(RecordedAppTest.storeArguments("empty"), false)) {
            Http http = http(app);
            assertThat((List<Object>) http.get("/api/cases").expect(200).read("$.cases")).isEmpty();
            assertThat(storedEvents(app)).isZero();
            assertThat(http.get("/api/cases/" + RecordedAppTest.FEDERAL).status()).isEqualTo(404);
        }
    }

    /** Per case of the record: its history size, docket size and status, as served. */
    private static Map<String, Object> snapshot(Http http) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String caseId : RECORD) {
            snapshot.put(caseId + " history", http.get("/api/cases/" + caseId + "/history?size=1").expect(200)
                    .read("$.totalEntries"));
            snapshot.put(caseId + " docket", http.get("/api/cases/" + caseId + "/filings?includeRetracted=true")
                    .expect(200).list("$.filings").size());
            snapshot.put(caseId + " claims", http.get("/api/cases/" + caseId + "/claims").expect(200)
                    .list("$.claims").size());
            snapshot.put(caseId + " status", http.get("/api/cases/" + caseId).expect(200).read("$.status"));
        }
        return snapshot;
    }

    private static long openings(Http http, String caseId) {
        return http.get("/api/cases/" + caseId + "/history?size=500").expect(200)
                .list("$.entries[?(@.eventType == 'CaseOpened')]").size();
    }

    private static long storedEvents(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static ConfigurableApplicationContext start(List<String> store, boolean seed) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0",
                "--tracker.seed.enabled=" + seed));
        arguments.addAll(store);
        arguments.addAll(Http.userArguments()); // writes need a recorder
        return new SpringApplicationBuilder(TrackerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
