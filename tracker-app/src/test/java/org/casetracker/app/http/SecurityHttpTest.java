package org.casetracker.app.http;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.Http.ADMIN;
import static org.casetracker.app.http.Http.ADMIN_PASSWORD;
import static org.casetracker.app.http.Http.READER;
import static org.casetracker.app.http.Http.READER_PASSWORD;
import static org.casetracker.app.http.Http.RECORDER;
import static org.casetracker.app.http.Http.RECORDER_PASSWORD;
import static org.casetracker.app.http.Http.RECORDER_TOKEN;

/**
 * Who may do what, with reads public (the default): anyone reads; only a RECORDER writes, by HTTP Basic or an API
 * token; only an ADMIN reaches the audit and the operations on the whole store. A refusal is a 401 (no or wrong
 * credentials, with a challenge) or a 403 (a missing role), as problem+json, and stores nothing. The user recorded
 * with each event is the authenticated one.
 */
class SecurityHttpTest extends RecordedAppTest {

    @Autowired
    EventStore eventStore;

    private static final String FILINGS = "/api/cases/" + FEDERAL + "/filings";
    private static final String ORDER = """
            {"entryNumber": 77, "dateFiled": "2021-02-01", "filedBy": "Court", "type": "ORDER", "title": "An order",
             "source": %s}""".formatted(SOURCE);
    private static final String[] WRITE_PATHS = {"/api/cases", FILINGS, "/api/cases/" + FEDERAL + "/claims",
            FILINGS + "/" + FEDERAL + "-dkt-1/corrections", FILINGS + "/" + FEDERAL + "-dkt-1/retraction"};

    @Test
    void readsAreOpenToEveryoneByDefault() {
        Http anonymous = http.anonymous();
        anonymous.get("/api/cases").expect(200);
        anonymous.get("/api/cases/" + FEDERAL).expect(200);
        anonymous.get(FILINGS).expect(200);
        anonymous.get("/api/cases/" + FEDERAL + "/history").expect(200);
        anonymous.get("/v3/api-docs").expect(200);
        http.as(READER, READER_PASSWORD).get("/api/cases").expect(200);
    }

    @Test
    void everyWriteWithoutCredentialsIsA401WithAChallengeAndStoresNothing() {
        for (String path : WRITE_PATHS) {
            Reply reply = refused(() -> http.anonymous().post(path, ORDER), 401);
            assertThat(reply.headers().get(HttpHeaders.WWW_AUTHENTICATE)).as(reply.toString())
                    .anySatisfy(challenge -> assertThat(challenge).startsWith("Basic realm="))
                    .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat((String) reply.read("$.detail")).contains("credentials");
        }
    }

    @Test
    void wrongCredentialsAreA401EvenWhereNoneAreNeeded() {
        refused(() -> http.as(RECORDER, "not-the-password").post(FILINGS, ORDER), 401);
        refused(() -> http.as("nobody", RECORDER_PASSWORD).post(FILINGS, ORDER), 401);
        refused(() -> http.withToken("not-a-token-of-this-tracker-at-all").post(FILINGS, ORDER), 401);
        refused(() -> http.withToken("short").post(FILINGS, ORDER), 401);
        // a read is public, but credentials that are sent must be right
        assertProblem(http.as(READER, "wrong").get("/api/cases"), 401);
        assertProblem(http.withToken("not-a-token-of-this-tracker-at-all").get("/api/cases"), 401);
        // a malformed Basic header is no better
        assertProblem(http.anonymous().with(HttpHeaders.AUTHORIZATION, "Basic !!!").get("/api/cases"), 401);
    }

    @Test
    void aReaderOrAnAdminWithoutTheRecorderRoleMayNotWrite() {
        for (String path : WRITE_PATHS) {
            Reply reader = refused(() -> http.as(READER, READER_PASSWORD).post(path, ORDER), 403);
            assertThat(reader.headers().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
            refused(() -> http.as(ADMIN, ADMIN_PASSWORD).post(path, ORDER), 403);
        }
    }

    @Test
    void theAuditAndTheOperationsOnTheStoreNeedAnAdmin() {
        for (String path : List.of("/api/audit/verify", "/api/admin/rebuild", "/api/export", "/api/import")) {
            assertProblem(http.anonymous().get(path), 401);
            assertProblem(http.as(READER, READER_PASSWORD).get(path), 403);
            assertProblem(http.as(RECORDER, RECORDER_PASSWORD).get(path), 403);
            refused(() -> http.anonymous().post(path, "{}"), 401);
            refused(() -> http.as(RECORDER, RECORDER_PASSWORD).post(path, "{}"), 403);
            assertThat(http.as(ADMIN, ADMIN_PASSWORD).get(path).status()).as(path).isNotIn(401, 403);
        }
        http.as(ADMIN, ADMIN_PASSWORD).get("/api/audit/verify").expect(200);
    }

    @Test
    void aRecorderWritesByBasicOrByTokenAndIsTheUserRecordedWithTheEvents() {
        String caseId = openCase("2022-03-01"); // as the recorder, by Basic
        String byBasic = record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-03-01", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        String byToken = http.withToken(RECORDER_TOKEN).post("/api/cases/" + caseId + "/filings", """
                {"entryNumber": 2, "dateFiled": "2022-03-02", "filedBy": "Court", "type": "MINUTE_ENTRY",
                 "title": "Minute entry", "source": %s}""".formatted(SOURCE)).expect(201).read("$.id");

        assertThat(userOf(caseId)).isEqualTo(RECORDER);
        assertThat(userOf(byBasic)).isEqualTo(RECORDER);
        assertThat(userOf(byToken)).isEqualTo(RECORDER);
        // the record loaded at start-up was recorded by the tracker itself, not by a user
        assertThat(userOf(FEDERAL)).isEqualTo("system");
        // and the history says so, event by event
        List<Object> users = http.get("/api/cases/" + caseId + "/history?size=500").expect(200)
                .list("$.entries[*].user");
        assertThat(users).hasSize(3).containsOnly(RECORDER);
        assertThat(http.get("/api/cases/" + FEDERAL + "/history?size=500").expect(200)
                .list("$.entries[*].user")).isNotEmpty().containsOnly("system");
    }

    @Test
    void aWriteByTokenIsRecordedAsTheTokensUserAndNoSecretReachesTheHistory() {
        // the history names the user the token acts as; neither the token nor a password is anywhere in it
        String caseId = openCase("2022-03-01");
        http.withToken(RECORDER_TOKEN).post("/api/cases/" + caseId + "/filings", """
                {"entryNumber": 1, "dateFiled": "2022-03-01", "filedBy": "Court", "type": "MINUTE_ENTRY",
                 "title": "Minute entry", "source": %s}""".formatted(SOURCE)).expect(201);
        String history = http.get("/api/cases/" + caseId + "/history?size=500").expect(200).body();
        assertThat(history).doesNotContain(RECORDER_TOKEN).doesNotContain(RECORDER_PASSWORD);
        assertThat(http.get("/api/cases/" + caseId + "/history?size=500&user=" + RECORDER).expect(200)
                .list("$.entries")).hasSize(2);
    }

    @Test
    void aUserNameInTheBodyIsRefusedNotRecorded() {
        Reply reply = refused(() -> http.post(FILINGS, ORDER.replace("\"type\"", "\"user\": \"admin\", \"type\"")),
                400);
        assertThat((String) reply.read("$.errors[0].field")).isEqualTo("user");
    }

    @Test
    void theApiDocumentSaysHowToAuthenticateAndWhichHeadersAWriteTakes() {
        Reply docs = http.anonymous().get("/v3/api-docs").expect(200);
        assertThat((String) docs.read("$.components.securitySchemes.basic.scheme")).isEqualTo("basic");
        assertThat((String) docs.read("$.components.securitySchemes.apiToken.scheme")).isEqualTo("bearer");
        List<Object> headers = docs.read("$.paths['/api/cases/{caseId}/filings'].post.parameters[?(@.in == 'header')]"
                + ".name");
        assertThat(headers).contains("Idempotency-Key", "If-Match");
        assertThat(docs.list("$.paths['/api/cases/{caseId}/filings'].get.parameters[?(@.in == 'header')]")).isEmpty();
    }

    @Test
    void noSessionIsCreated() {
        Reply reply = http.as(RECORDER, RECORDER_PASSWORD).get("/api/cases").expect(200);
        assertThat(reply.headers().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    private String userOf(String aggregateId) {
        DomainEventMessage<?> first = eventStore.readEvents(aggregateId, 0).next();
        return (String) first.getMetaData().get("user");
    }

    private Reply refused(Supplier<Reply> request, int status) {
        long events = storedEvents();
        long history = historySize(FEDERAL);
        Reply reply = request.get();
        assertProblem(reply, status);
        assertThat(storedEvents()).as("events stored after %s", reply).isEqualTo(events);
        assertThat(historySize(FEDERAL)).as("history after %s", reply).isEqualTo(history);
        return reply;
    }

    static void assertProblem(Reply reply, int status) {
        reply.expect(status);
        TimeTravelHttpTest.assertProblem(reply, status);
    }
}
