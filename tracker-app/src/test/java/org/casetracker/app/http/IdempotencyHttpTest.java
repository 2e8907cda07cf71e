package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.ConcurrencyHttpTest.concurrently;
import static org.casetracker.app.http.SecurityHttpTest.assertProblem;

/**
 * {@code Idempotency-Key} on every POST: a retry with the same key and body gets the first answer and stores
 * nothing new; the same key with another body is a 422; a refusal is not remembered.
 */
class IdempotencyHttpTest extends RecordedAppTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aRetryOfEveryKindOfWriteGetsTheFirstAnswerAndStoresNothingNew() {
        String docketNumber = "9:23-cv-" + UUID.randomUUID().toString().substring(0, 8);
        String opening = """
                {"court": "test", "docketNumber": "%s", "caption": "A v. B", "filedOn": "2023-01-02",
                 "parties": [{"name": "A", "role": "PLAINTIFF"}], "source": %s}""".formatted(docketNumber, SOURCE);
        Http once = http.with(KEY, UUID.randomUUID().toString());
        Reply first = once.post("/api/cases", opening).expect(201);
        String caseId = first.read("$.id");
        sameAnswerNothingStored(first, () -> once.post("/api/cases", opening));

        String filing = """
                {"dateFiled": "2023-01-03", "filedBy": "Court", "type": "MINUTE_ENTRY", "title": "Minutes",
                 "source": %s}""".formatted(SOURCE);
        Http key2 = http.with(KEY, UUID.randomUUID().toString());
        Reply recorded = key2.post("/api/cases/" + caseId + "/filings", filing).expect(201);
        String filingId = recorded.read("$.id");
        // without the key this very body would be a second, unnumbered entry: with it, it is the same one
        sameAnswerNothingStored(recorded, () -> key2.post("/api/cases/" + caseId + "/filings", filing));
        assertThat(docketSize(caseId)).isEqualTo(1);

        String claim = """
                {"count": 1, "type": "OTHER", "title": "A count", "assertedOn": "2023-01-02", "source": %s}"""
                .formatted(SOURCE);
        Http key3 = http.with(KEY, UUID.randomUUID().toString());
        Reply asserted = key3.post("/api/cases/" + caseId + "/claims", claim).expect(201);
        sameAnswerNothingStored(asserted, () -> key3.post("/api/cases/" + caseId + "/claims", claim));

        String correction = "{\"changes\": {\"title\": \"Minutes, corrected\"}, \"reason\": \"typo\"}";
        String corrections = "/api/cases/" + caseId + "/filings/" + filingId + "/corrections";
        Http key4 = http.with(KEY, UUID.randomUUID().toString());
        Reply corrected = key4.post(corrections, correction).expect(201);
        sameAnswerNothingStored(corrected, () -> key4.post(corrections, correction));

        String retraction = "/api/cases/" + caseId + "/filings/" + filingId + "/retraction";
        Http key5 = http.with(KEY, UUID.randomUUID().toString());
        Reply retracted = key5.post(retraction, "{\"reason\": \"wrong case\"}").expect(201);
        sameAnswerNothingStored(retracted, () -> key5.post(retraction, "{\"reason\": \"wrong case\"}"));
        // a second retraction with a new key is a real second request, and a conflict
        assertProblem(http.with(KEY, UUID.randomUUID().toString()).post(retraction, "{\"reason\": \"wrong case\"}"),
                409);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        String caseId = openCase("2023-02-01");
        Http keyed = http.with(KEY, "key-" + UUID.randomUUID());
        keyed.post("/api/cases/" + caseId + "/filings", notice(1)).expect(201);
        long events = storedEvents();

        Reply reused = keyed.post("/api/cases/" + caseId + "/filings", notice(2));
        assertProblem(reused, 422);
        assertThat((String) reused.read("$.detail")).contains("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(docketSize(caseId)).isEqualTo(1);
    }

    @Test
    void aKeyBelongsToItsUserAndItsPath() {
        String caseId = openCase("2023-02-01");
        String key = "shared-" + UUID.randomUUID();
        http.with(KEY, key).post("/api/cases/" + caseId + "/filings", notice(1)).expect(201);
        // a token acts as its user: the same key through it is a retry of the same user's request
        Reply viaToken = http.withToken(Http.RECORDER_TOKEN).with(KEY, key)
                .post("/api/cases/" + caseId + "/filings", notice(1)).expect(201);
        assertThat(viaToken.headers().getFirst("Idempotency-Replayed")).isEqualTo("true");
        String other = openCase("2023-02-01");
        // on another path it is another request
        http.with(KEY, key).post("/api/cases/" + other + "/filings", notice(1)).expect(201);
        assertThat(docketSize(caseId)).isEqualTo(1);
        assertThat(docketSize(other)).isEqualTo(1);
    }

    @Test
    void aRefusalIsNotRememberedSoTheCorrectedRetryIsJudgedAfresh() {
        String caseId = openCase("2023-02-01");
        Http keyed = http.with(KEY, UUID.randomUUID().toString());
        String late = notice(1).replace("2023-02-02", "2023-01-01"); // before the case was filed
        assertProblem(keyed.post("/api/cases/" + caseId + "/filings", late), 400);
        assertProblem(keyed.post("/api/cases/" + caseId + "/filings", late), 400);
        // the same key may carry the fixed request: the refused one stored nothing and holds nothing
        keyed.post("/api/cases/" + caseId + "/filings", notice(1)).expect(201);
        assertThat(docketSize(caseId)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyWriteOnce() throws Exception {
        String caseId = openCase("2023-02-01");
        Http keyed = http.with(KEY, UUID.randomUUID().toString());
        String unnumbered = """
                {"dateFiled": "2023-02-02", "filedBy": "Court", "type": "MINUTE_ENTRY", "title": "Minutes",
                 "source": %s}""".formatted(SOURCE);
        List<Integer> statuses = concurrently(5, i -> () -> keyed.post("/api/cases/" + caseId + "/filings",
                unnumbered).status());
        // one ran; the others got its answer, or (while it was still running) a 409 to retry later
        assertThat(statuses).contains(201).containsOnly(201, 409);
        assertThat(docketSize(caseId)).isEqualTo(1);
        keyed.post("/api/cases/" + caseId + "/filings", unnumbered).expect(201);
        assertThat(docketSize(caseId)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotPrintableOrTooLongIsRefused() {
        String caseId = openCase("2023-02-01");
        assertProblem(http.with(KEY, "x".repeat(201)).post("/api/cases/" + caseId + "/filings", notice(1)), 400);
        assertProblem(http.with(KEY, " ").post("/api/cases/" + caseId + "/filings", notice(1)), 400);
        assertThat(docketSize(caseId)).isZero();
    }

    @Test
    void aKeyNeedsTheRightsOfTheRequest() {
        String caseId = openCase("2023-02-01");
        String key = UUID.randomUUID().toString();
        http.with(KEY, key).post("/api/cases/" + caseId + "/filings", notice(1)).expect(201);
        // a replay is no way around the roles
        assertProblem(http.anonymous().with(KEY, key).post("/api/cases/" + caseId + "/filings", notice(1)), 401);
        assertProblem(http.as(Http.READER, Http.READER_PASSWORD).with(KEY, key)
                .post("/api/cases/" + caseId + "/filings", notice(1)), 403);
    }

    private void sameAnswerNothingStored(Reply first, java.util.function.Supplier<Reply> retry) {
        long events = storedEvents();
        Reply again = retry.get();
        assertThat(again.status()).as(again.toString()).isEqualTo(first.status());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotency-Replayed")).isNull();
        assertThat(storedEvents()).as("events after the retry %s", again).isEqualTo(events);
    }

    private static String notice(int number) {
        return """
                {"entryNumber": %d, "dateFiled": "2023-02-02", "filedBy": "Court", "type": "NOTICE",
                 "title": "Notice %d", "source": %s}""".formatted(number, number, SOURCE);
    }
}
