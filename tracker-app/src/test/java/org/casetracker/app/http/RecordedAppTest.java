package org.casetracker.app.http;

import org.casetracker.app.TrackerApplication;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.app.stores.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;

/**
 * The one application context most HTTP tests share (Spring caches it: same configuration, same key): a real
 * server on a random port, on a throw-away H2 directory of its own, with the record of the dispute loaded on
 * start as in production, and the test users of {@link Http} (writes go as the recorder unless a test says otherwise).
 * <p>
 * Tests that write never write successfully into the three cases of the record (they open cases of their own);
 * refusals may aim at the record, since they must store nothing. So the record reads the same in every test.
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RecordedAppTest {

    static final String FEDERAL = "wawd-2-21-cv-00031";
    static final String STATE = "kingco-21-2-02856-6-sea";
    static final String REMOVAL = "wawd-2-21-cv-00270";

    /** A store of its own: an H2 directory, or a database in the embedded PostgreSQL (see {@link TestStores}). */
    private static final Map<String, String> STORE = TestStores.fresh("http");

    /** A moment after the record was loaded and before any test wrote anything (taken before the first test). */
    static Instant recordLoadedBy;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    /** Its own store, and the test users (a recorder, a reader, an admin and a recorder's API token). */
    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        STORE.forEach((name, value) -> registry.add(name, () -> value));
        Http.USER_PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
        // every as-of read of these tests goes on from fold checkpoints, though the cases are small (ADR 0017)
        registry.add("tracker.cache.checkpoint-interval", () -> "2");
    }

    /** A fresh, empty store for an application of a test's own, as {@code --name=value} arguments. */
    static List<String> storeArguments(String prefix) {
        return TestStores.arguments(TestStores.fresh(prefix));
    }

    @BeforeEach
    void client() {
        http = new Http(port);
        synchronized (RecordedAppTest.class) {
            if (recordLoadedBy == null) {
                recordLoadedBy = Instant.now();
            }
        }
    }

    static final String SOURCE = "{\"citation\": \"https://example.org/docket (test)\", \"verification\": \"VERIFIED\"}";

    /** Opens a case of the test's own (never one of the record) and answers its id. */
    String openCase(String filedOn) {
        String docketNumber = "9:22-cv-" + UUID.randomUUID().toString().substring(0, 8);
        Reply opened = http.post("/api/cases", """
                {"court": "test", "courtName": "Test Court", "docketNumber": "%s",
                 "caption": "Plaintiff Co. v. Defendant Inc.", "filedOn": "%s", "judge": "Jane Q. Judge",
                 "parties": [{"name": "Plaintiff Co.", "role": "PLAINTIFF", "counsel": ["A. Lawyer"]},
                             {"name": "Defendant Inc.", "role": "DEFENDANT"}],
                 "source": %s}""".formatted(docketNumber, filedOn, SOURCE)).expect(201);
        return opened.read("$.id");
    }

    /** Records a filing whose body fields are given as JSON members (without braces); answers its id. */
    String record(String caseId, String members) {
        return http.post("/api/cases/" + caseId + "/filings", "{" + members + ", \"source\": " + SOURCE + "}")
                .expect(201).read("$.id");
    }

    String assertClaim(String caseId, int count, String type, String assertedOn) {
        return http.post("/api/cases/" + caseId + "/claims", """
                {"count": %d, "type": "%s", "title": "Count %d", "legalBasis": "Some statute",
                 "assertedIn": "%s-dkt-1", "assertedOn": "%s", "source": %s}"""
                .formatted(count, type, count, caseId, assertedOn, SOURCE)).expect(201).read("$.id");
    }

    /** Every event in the store, of every case. */
    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long historySize(String caseId) {
        return ((Number) http.get("/api/cases/" + caseId + "/history?size=1").expect(200).read("$.totalEntries"))
                .longValue();
    }

    int docketSize(String caseId) {
        return http.get("/api/cases/" + caseId + "/filings?includeRetracted=true").expect(200)
                .list("$.filings").size();
    }
}
