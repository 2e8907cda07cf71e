package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every refusal is a 4xx {@code application/problem+json} with status, title and detail (and, for input errors,
 * the fields at fault), and stores nothing: the event store, the case's history and its docket are the same
 * before and after. Refusals aim at the record itself where they can, since they must leave it untouched.
 */
class RefusalsHttpTest extends RecordedAppTest {

    private static final String FILINGS = "/api/cases/" + FEDERAL + "/filings";

    /** A valid ORDER for the federal case but for what the test puts in {@code %s} (more members). */
    private static String order(int entryNumber, String more) {
        return """
                {"entryNumber": %d, "dateFiled": "2021-02-01", "filedBy": "Court", "type": "ORDER",
                 "title": "An order", "source": %s%s}""".formatted(entryNumber, SOURCE, more);
    }

    @Test
    void malformedJsonIsRefused() {
        refused(() -> http.post(FILINGS, "{\"entryNumber\": 40, \"title\": "), 400, null, FEDERAL);
        refused(() -> http.post(FILINGS, ""), 400, null, FEDERAL);
        refused(() -> http.post(FILINGS, "[1, 2]"), 400, null, FEDERAL);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        refused(() -> http.post(FILINGS, order(40, "").replace("\"entryNumber\": 40", "\"entryNumber\": \"forty\"")),
                400, "entryNumber", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, ", \"pageCount\": [3]")), 400, "pageCount", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, "").replace("\"entryNumber\": 40", "\"entryNumber\": \"40\"")),
                400, "entryNumber", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, "").replace("\"entryNumber\": 40", "\"entryNumber\": 40.5")),
                400, "entryNumber", FEDERAL);
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() {
        Reply reply = refused(() -> http.post(FILINGS, order(40, "").replace("\"ORDER\"", "\"BRIEF\"")), 400, "type",
                FEDERAL);
        assertThat((String) reply.read("$.errors[0].message")).contains("ORDER", "MOTION");
        refused(() -> http.post(FILINGS, order(40, "").replace("\"VERIFIED\"", "\"CERTAIN\"")), 400,
                "source.verification", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, ", \"effects\": {\"motions\": [{\"filingId\": \"" + FEDERAL
                + "-dkt-2\", \"outcome\": \"MAYBE\"}]}")), 400, "effects.motions[0].outcome", FEDERAL);
    }

    @Test
    void anImpossibleDateIsRefusedNamingTheField() {
        refused(() -> http.post(FILINGS, order(40, "").replace("2021-02-01", "2021-02-30")), 400, "dateFiled",
                FEDERAL);
        refused(() -> http.post(FILINGS, order(40, "").replace("2021-02-01", "1 Feb 2021")), 400, "dateFiled",
                FEDERAL);
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        // a misspelt field must not be dropped silently: the fact it carried would be lost
        refused(() -> http.post(FILINGS, order(40, ", \"entryNumbr\": 41")), 400, "entryNumbr", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, ", \"source\": {\"citation\": \"x\", \"verification\": "
                + "\"VERIFIED\", \"page\": 3}")), 400, "source.page", FEDERAL);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsAnUnsupportedMediaType() {
        refused(() -> http.send(FILINGS, MediaType.TEXT_PLAIN, order(40, "")), 415, null, FEDERAL);
        refused(() -> http.send("/api/cases", MediaType.APPLICATION_XML, "<case/>"), 415, null, FEDERAL);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        refused(() -> http.post("/api/cases/no-such-case/filings", order(1, "")), 404, null, FEDERAL);
        refused(() -> http.post("/api/cases/no-such-case/claims", """
                {"count": 1, "type": "OTHER", "title": "A count", "assertedOn": "2021-01-11", "source": %s}"""
                .formatted(SOURCE)), 404, null, FEDERAL);
        for (String read : List.of("", "/claims", "/filings", "/history")) {
            Reply reply = http.get("/api/cases/no-such-case" + read);
            assertProblem(reply, 404);
        }
    }

    @Test
    void correctingOrRetractingAFilingThatIsNotOnTheDocketIsNotFound() {
        String correction = "{\"changes\": {\"title\": \"New\"}, \"reason\": \"typo\"}";
        refused(() -> http.post(FILINGS + "/" + FEDERAL + "-dkt-999/corrections", correction), 404, "filingId",
                FEDERAL);
        // a filing of another case is not a filing of this one
        refused(() -> http.post(FILINGS + "/" + REMOVAL + "-dkt-20/corrections", correction), 404, "filingId",
                FEDERAL);
        refused(() -> http.post(FILINGS + "/" + FEDERAL + "-dkt-999/retraction", "{\"reason\": \"typo\"}"), 404,
                "filingId", FEDERAL);
        refused(() -> http.post("/api/cases/no-such-case/filings/no-such-case-dkt-1/corrections", correction), 404,
                null, FEDERAL);
    }

    @Test
    void aFilingDatedBeforeItsCaseWasFiledIsRefused() {
        refused(() -> http.post(FILINGS, order(40, "").replace("2021-02-01", "2021-01-10")), 400, "dateFiled",
                FEDERAL);
    }

    @Test
    void anEntryNumberMustBePositive() {
        refused(() -> http.post(FILINGS, order(0, "")), 400, "entryNumber", FEDERAL);
        refused(() -> http.post(FILINGS, order(-3, "")), 400, "entryNumber", FEDERAL);
    }

    @Test
    void anEntryNumberAlreadyOnTheDocketIsAConflict() {
        Reply reply = refused(() -> http.post(FILINGS, order(34, "")), 409, "entryNumber", FEDERAL);
        assertThat((String) reply.read("$.detail")).contains("34");
        // the entry on the docket is the one of the record, unchanged
        assertThat((String) http.get(FILINGS + "/" + FEDERAL + "-dkt-34").expect(200).read("$.title"))
                .isEqualTo("Order denying Plaintiff's motion for a TRO / preliminary injunction");
    }

    @Test
    void aCaseAlreadyOpenIsAConflict() {
        refused(() -> http.post("/api/cases", """
                {"court": "wawd", "docketNumber": "2:21-cv-00031", "caption": "Again", "filedOn": "2021-01-11",
                 "parties": [{"name": "Parler LLC", "role": "PLAINTIFF"}], "source": %s}""".formatted(SOURCE)),
                409, "docketNumber", FEDERAL);
    }

    @Test
    void effectsNamingAMotionThatDoesNotExistAreRefusedNamingTheEffect() {
        refused(() -> http.post(FILINGS, order(40, ", \"effects\": {\"motions\": [{\"filingId\": \"" + FEDERAL
                + "-dkt-999\", \"outcome\": \"GRANTED\"}]}")), 400, "effects.motions[0].filingId", FEDERAL);
        refused(() -> http.post(FILINGS, order(40, ", \"effects\": {\"findings\": [{\"claimId\": \"" + FEDERAL
                + "-count-9\", \"finding\": \"LIKELY_TO_SUCCEED\"}]}")), 400, "effects.findings[0].claimId", FEDERAL);
        // a motion of another case is not one this case's order can decide
        refused(() -> http.post(FILINGS, order(40, ", \"effects\": {\"motions\": [{\"filingId\": \"" + REMOVAL
                + "-dkt-20\", \"outcome\": \"DENIED\"}]}")), 400, "effects.motions[0].filingId", FEDERAL);
    }

    @Test
    void anEffectDecidingAMotionAlreadyDecidedRefusesTheWholeFiling() {
        // in the record: dkt-2 was denied by dkt-34
        refused(() -> http.post(FILINGS, order(40, ", \"effects\": {\"motions\": [{\"filingId\": \"" + FEDERAL
                + "-dkt-2\", \"outcome\": \"GRANTED\"}]}")), 409, "filingId", FEDERAL);
        assertThat(http.get(FILINGS + "/" + FEDERAL + "-dkt-40?includeRetracted=true").status()).isEqualTo(404);
        assertThat((String) http.get(FILINGS + "/" + FEDERAL + "-dkt-2").expect(200).read("$.status"))
                .isEqualTo("DENIED");

        // in a case of its own: the first effect would succeed, the second is refused; nothing of it is kept
        String caseId = openCase("2022-05-02");
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-05-02", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-05-03", "filedBy": "Plaintiff Co.", "type": "MOTION",
                "title": "Motion for a preliminary injunction"
                """);
        record(caseId, """
                "entryNumber": 3, "dateFiled": "2022-05-04", "filedBy": "Defendant Inc.", "type": "MOTION",
                "title": "Motion to dismiss"
                """);
        record(caseId, """
                "entryNumber": 4, "dateFiled": "2022-05-20", "filedBy": "Court", "type": "ORDER",
                "title": "Order denying the preliminary injunction",
                "effects": {"motions": [{"filingId": "%s-dkt-2", "outcome": "DENIED"}]}
                """.formatted(caseId));
        String twice = """
                "entryNumber": 5, "dateFiled": "2022-06-01", "filedBy": "Court", "type": "ORDER",
                "title": "Order on both motions",
                "effects": {"motions": [{"filingId": "%1$s-dkt-3", "outcome": "GRANTED"},
                                        {"filingId": "%1$s-dkt-2", "outcome": "GRANTED"}],
                            "cases": [{"caseId": "%1$s", "status": "CLOSED", "disposition": "DISMISSED"}]}
                """.formatted(caseId);
        Reply reply = refused(() -> http.post("/api/cases/" + caseId + "/filings",
                "{" + twice + ", \"source\": " + SOURCE + "}"), 409, "filingId", caseId);
        assertThat((String) reply.read("$.detail")).contains(caseId + "-dkt-2");

        List<Map<String, Object>> docket = http.get("/api/cases/" + caseId + "/filings?includeRetracted=true")
                .expect(200).read("$.filings");
        assertThat(docket).extracting(f -> f.get("id"), f -> f.get("status")).containsExactly(
                tuple(caseId + "-dkt-1", null),
                tuple(caseId + "-dkt-2", "DENIED"),
                tuple(caseId + "-dkt-3", "PENDING"),
                tuple(caseId + "-dkt-4", null));
        assertThat((String) http.get("/api/cases/" + caseId).expect(200).read("$.status")).isEqualTo("OPEN");

        // the entry number was not taken by the refused filing: it can be recorded properly now
        String fixed = record(caseId, """
                "entryNumber": 5, "dateFiled": "2022-06-01", "filedBy": "Court", "type": "ORDER",
                "title": "Order on both motions",
                "effects": {"motions": [{"filingId": "%1$s-dkt-3", "outcome": "GRANTED"}],
                            "cases": [{"caseId": "%1$s", "status": "CLOSED", "disposition": "DISMISSED"}]}
                """.formatted(caseId));
        assertThat(fixed).isEqualTo(caseId + "-dkt-5");
        assertThat((String) http.get("/api/cases/" + caseId + "/filings/" + fixed).expect(200).read("$.title"))
                .isEqualTo("Order on both motions");
        assertThat((String) http.get("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-3").expect(200)
                .read("$.status")).isEqualTo("GRANTED");
        assertThat((String) http.get("/api/cases/" + caseId).expect(200).read("$.status")).isEqualTo("CLOSED");
    }

    @Test
    void aCorrectionOrARetractionWithoutAReasonIsRefused() {
        String dkt1 = FILINGS + "/" + FEDERAL + "-dkt-1";
        refused(() -> http.post(dkt1 + "/corrections", "{\"changes\": {\"title\": \"Complaint\"}}"), 400, "reason",
                FEDERAL);
        refused(() -> http.post(dkt1 + "/corrections", "{\"changes\": {\"title\": \"Complaint\"}, \"reason\": \" \"}"),
                400, "reason", FEDERAL);
        refused(() -> http.post(dkt1 + "/corrections", "{\"reason\": \"nothing to change\"}"), 400, "changes",
                FEDERAL);
        refused(() -> http.post(dkt1 + "/retraction", "{}"), 400, "reason", FEDERAL);
        assertThat((String) http.get(dkt1).expect(200).read("$.title"))
                .isEqualTo("Verified Complaint for injunctive relief and damages");
    }

    @Test
    void aSecondRetractionIsAConflict() {
        String caseId = openCase("2022-07-01");
        String entry = record(caseId, """
                "dateFiled": "2022-07-02", "filedBy": "Court", "type": "MINUTE_ENTRY", "title": "Minute entry"
                """);
        String retraction = "/api/cases/" + caseId + "/filings/" + entry + "/retraction";
        http.post(retraction, "{\"reason\": \"belongs to another case\"}").expect(201);

        refused(() -> http.post(retraction, "{\"reason\": \"again\"}"), 409, "filingId", caseId);
        // nor can a retracted entry be corrected
        refused(() -> http.post("/api/cases/" + caseId + "/filings/" + entry + "/corrections",
                "{\"changes\": {\"title\": \"x\"}, \"reason\": \"y\"}"), 409, "filingId", caseId);
        assertThat((String) http.get("/api/cases/" + caseId + "/filings/" + entry + "?includeRetracted=true")
                .expect(200).read("$.retractionReason")).isEqualTo("belongs to another case");
    }

    @Test
    void aBadDateOrMomentInTheQueryIsRefusedNamingTheParameter() {
        assertField(http.get("/api/cases/" + FEDERAL + "?asOf=2021-13-01"), 400, "asOf");
        assertField(http.get("/api/cases?asOf=yesterday"), 400, "asOf");
        assertField(http.get("/api/cases/" + FEDERAL + "/filings?knownAt=2021-01-21"), 400, "knownAt");
        assertField(http.get("/api/cases/" + FEDERAL + "/filings?type=BRIEF"), 400, "type");
        assertField(http.get("/api/cases/" + FEDERAL + "/filings?from=2021-03-01&to=2021-01-01"), 400, "to");
        assertField(http.get("/api/cases/" + FEDERAL + "/history?size=0"), 400, "size");
    }

    /**
     * Sends a request that must be refused and checks the refusal and that nothing was stored: the events in the
     * store, and the case's history and docket as served.
     */
    @Test
    void aLegalDateThatHasNotHappenedYetIsRefused() {
        String tooLate = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        refused(() -> http.post(FILINGS, order(40, "").replace("2021-02-01", tooLate)), 400, "dateFiled", FEDERAL);
        refused(() -> http.post("/api/cases/" + FEDERAL + "/claims", """
                {"count": 9, "type": "OTHER", "title": "A count", "assertedOn": "%s", "source": %s}"""
                .formatted(tooLate, SOURCE)), 400, "assertedOn", FEDERAL);
        refused(() -> http.post(FILINGS + "/" + FEDERAL + "-dkt-34/corrections", """
                {"changes": {"dateFiled": "%s"}, "reason": "a test"}""".formatted(tooLate)), 400,
                "changes.dateFiled", FEDERAL);
    }

    @Test
    void concurrentWritersOfOneEntryNumberGetOneCreatedAndConflictsNeverAServerError() throws Exception {
        String caseId = openCase("2021-01-04");
        String body = """
                {"entryNumber": 7, "dateFiled": "2021-01-05", "filedBy": "Plaintiff Co.", "type": "NOTICE",
                 "title": "A notice", "source": %s}""".formatted(SOURCE);
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(writers.submit(() -> new Http(port).post("/api/cases/" + caseId + "/filings", body)
                        .status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            writers.shutdownNow();
        }
        List<Object> numbered = http.get("/api/cases/" + caseId + "/filings").expect(200)
                .list("$.filings[?(@.entryNumber == 7)].id");
        assertThat(numbered).hasSize(1);
    }

    @Test
    void anUnknownFilingTypeInTheQueryIsRefusedWithTheTypesThatExist() {
        Reply reply = http.get(FILINGS + "?type=BRIEF");
        assertField(reply, 400, "type");
        assertThat((String) reply.read("$.errors[0].message")).contains("ORDER", "NOTICE_OF_REMOVAL");
    }

    private Reply refused(Supplier<Reply> request, int status, String field, String caseId) {
        long events = storedEvents();
        long history = historySize(caseId);
        int docket = docketSize(caseId);

        Reply reply = request.get();
        assertField(reply, status, field);

        assertThat(storedEvents()).as("events stored after %s", reply).isEqualTo(events);
        assertThat(historySize(caseId)).as("history after %s", reply).isEqualTo(history);
        assertThat(docketSize(caseId)).as("docket after %s", reply).isEqualTo(docket);
        return reply;
    }

    private static void assertField(Reply reply, int status, String field) {
        assertProblem(reply, status);
        if (field != null) {
            List<Map<String, Object>> errors = reply.read("$.errors");
            assertThat(errors).as(reply.toString()).isNotEmpty()
                    .allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank())
                    .extracting(e -> e.get("field")).contains(field);
        }
    }

    private static void assertProblem(Reply reply, int status) {
        reply.expect(status);
        TimeTravelHttpTest.assertProblem(reply, status);
    }
}
