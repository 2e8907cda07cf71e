package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.SecurityHttpTest.assertProblem;

/**
 * Reads of a case carry its ETag; writes honour If-Match (a stale one is a 412 that stores nothing); concurrent
 * writers to one case never lose an update, never get a server error, and never take the same entry.
 */
class ConcurrencyHttpTest extends RecordedAppTest {

    @Test
    void everyReadOfACaseCarriesOneStrongETagThatEveryWriteChanges() {
        String caseId = openCase("2022-01-03");
        String before = etag(caseId);
        assertThat(before).matches("\"\\d+\"");
        for (String read : List.of("", "/claims", "/filings", "/history", "/filings?includeRetracted=true",
                "?asOf=2022-01-03")) {
            assertThat(http.get("/api/cases/" + caseId + read).expect(200).etag()).as(read).isEqualTo(before);
        }
        String filing = record(caseId, entry(1));
        String afterFiling = etag(caseId);
        assertThat(afterFiling).isNotEqualTo(before);
        assertThat(http.get("/api/cases/" + caseId + "/filings/" + filing).expect(200).etag()).isEqualTo(afterFiling);

        http.post("/api/cases/" + caseId + "/filings/" + filing + "/corrections",
                "{\"changes\": {\"title\": \"Notice, corrected\"}, \"reason\": \"typo\"}").expect(201);
        assertThat(etag(caseId)).isNotIn(before, afterFiling);
        // the list of cases has none, nor has a case that does not exist
        assertThat(http.get("/api/cases").expect(200).etag()).isNull();
        assertThat(http.get("/api/cases/no-such-case").etag()).isNull();
    }

    @Test
    void aWriteWithTheCurrentETagIsDoneAndOneWithAStaleETagIsA412ThatStoresNothing() {
        String caseId = openCase("2022-01-03");
        String stale = etag(caseId);
        http.with(HttpHeaders.IF_MATCH, stale).post(filings(caseId), body(entry(1))).expect(201);
        String current = etag(caseId);

        Reply refused = refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, stale)
                .post(filings(caseId), body(entry(2))), 412);
        assertThat(refused.etag()).as("the 412 says the current tag").isEqualTo(current);
        assertThat((String) refused.read("$.errors[0].field")).isEqualTo("If-Match");

        // every kind of write to the case honours it
        String filing = caseId + "-dkt-1";
        refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, stale).post(filings(caseId) + "/" + filing
                + "/corrections", "{\"changes\": {\"title\": \"x\"}, \"reason\": \"y\"}"), 412);
        refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, stale).post(filings(caseId) + "/" + filing
                + "/retraction", "{\"reason\": \"y\"}"), 412);
        refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, stale).post("/api/cases/" + caseId + "/claims", """
                {"count": 1, "type": "OTHER", "title": "A count", "assertedOn": "2022-01-03", "source": %s}"""
                .formatted(SOURCE)), 412);
        // a weak tag never matches (If-Match compares strongly), nor does a tag that is not one
        refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, "W/" + current).post(filings(caseId),
                body(entry(2))), 412);
        refused(caseId, () -> http.with(HttpHeaders.IF_MATCH, "yesterday").post(filings(caseId), body(entry(2))),
                412);

        // the current tag, one of a list, or * will do
        http.with(HttpHeaders.IF_MATCH, current).post(filings(caseId) + "/" + filing + "/corrections",
                "{\"changes\": {\"title\": \"Notice 1, corrected\"}, \"reason\": \"typo\"}").expect(201);
        http.with(HttpHeaders.IF_MATCH, stale + ", " + etag(caseId)).post(filings(caseId), body(entry(2)))
                .expect(201);
        http.with(HttpHeaders.IF_MATCH, "*").post(filings(caseId), body(entry(3))).expect(201);
        // and without If-Match the last writer wins (the aggregates still check every rule)
        http.post(filings(caseId), body(entry(4))).expect(201);
        assertThat(docketSize(caseId)).isEqualTo(4);
    }

    @Test
    void anIfMatchOnACaseThatDoesNotExistIsNotFound() {
        assertProblem(http.with(HttpHeaders.IF_MATCH, "*").post(filings("no-such-case"), body(entry(1))), 404);
    }

    @Test
    void writersRacingWithTheSameETagGetOneSuccessAndTheRest412() throws Exception {
        String caseId = openCase("2022-01-03");
        String tag = etag(caseId);
        List<Integer> statuses = concurrently(6, i -> () -> http.with(HttpHeaders.IF_MATCH, tag)
                .post(filings(caseId), body(entry(10 + i))).status());
        assertThat(statuses).containsOnly(201, 412).containsOnlyOnce(201);
        assertThat(docketSize(caseId)).isEqualTo(1);
    }

    @Test
    void eightWritersOfTenFilingsEachToOneCaseLoseNothing() throws Exception {
        String caseId = openCase("2022-01-03");
        List<Integer> statuses = concurrently(8, writer -> () -> {
            Http client = new Http(port);
            List<Integer> answers = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                answers.add(client.post(filings(caseId), body(entry(1 + writer * 10 + n))).status());
            }
            return answers;
        }).stream().flatMap(List::stream).toList();

        assertThat(statuses).hasSize(80).containsOnly(201);
        List<Integer> numbers = http.get(filings(caseId)).expect(200).read("$.filings[*].entryNumber");
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
        assertThat(historySize(caseId)).isEqualTo(81);
    }

    @Test
    void concurrentUnnumberedEntriesOfOneDayAndKindEachGetAnIdOfTheirOwn() throws Exception {
        String caseId = openCase("2022-01-03");
        List<String> ids = concurrently(6, i -> () -> http.post(filings(caseId), """
                {"dateFiled": "2022-01-04", "filedBy": "Court", "type": "MINUTE_ENTRY", "title": "Minute %d",
                 "source": %s}""".formatted(i, SOURCE)).expect(201).<String>read("$.id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(6);
        assertThat(docketSize(caseId)).isEqualTo(6);
    }

    @Test
    void concurrentOrdersWithEffectsOnOneClaimAndOneMotionAreAllKeptOrCleanlyRefused() throws Exception {
        String caseId = openCase("2022-01-03");
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-01-03", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-01-04", "filedBy": "Plaintiff Co.", "type": "MOTION",
                "title": "Motion for a preliminary injunction"
                """);
        String claim = assertClaim(caseId, 1, "ANTITRUST", "2022-01-03");

        // eight orders, each with a finding on the same claim: every one is kept
        List<Integer> findings = concurrently(8, i -> () -> http.post(filings(caseId), body("""
                "entryNumber": %d, "dateFiled": "2022-01-10", "filedBy": "Court", "type": "ORDER",
                "title": "Order %d", "effects": {"findings": [{"claimId": "%s", "finding": "SERIOUS_QUESTIONS"}]}
                """.formatted(10 + i, i, claim))).status());
        assertThat(findings).containsOnly(201);
        List<Map<String, Object>> claims = http.get("/api/cases/" + caseId + "/claims").expect(200)
                .read("$.claims");
        assertThat((List<?>) claims.get(0).get("findings")).hasSize(8);

        // eight orders deciding the same motion: one decides it, the others are refused, none stored in part
        long events = storedEvents();
        List<Integer> rulings = concurrently(8, i -> () -> http.post(filings(caseId), body("""
                "entryNumber": %d, "dateFiled": "2022-01-20", "filedBy": "Court", "type": "ORDER",
                "title": "Ruling %d", "effects": {"motions": [{"filingId": "%s-dkt-2", "outcome": "DENIED"}]}
                """.formatted(30 + i, i, caseId))).status());
        assertThat(rulings).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(storedEvents()).as("one order and one decision").isEqualTo(events + 2);
        assertThat((String) http.get(filings(caseId) + "/" + caseId + "-dkt-2").expect(200).read("$.status"))
                .isEqualTo("DENIED");

        // two cases closing and linking each other at once, from both sides: both stored, nothing lost
        String other = openCase("2022-01-03");
        List<Integer> links = concurrently(2, i -> () -> {
            String from = i == 0 ? caseId : other;
            String to = i == 0 ? other : caseId;
            return http.post(filings(from), body("""
                    "entryNumber": 50, "dateFiled": "2022-02-01", "filedBy": "Court", "type": "ORDER",
                    "title": "Consolidation order",
                    "effects": {"links": [{"caseId": "%s", "relation": "REFILED_AS", "otherCaseId": "%s"}]}
                    """.formatted(from, to))).status();
        });
        assertThat(links).containsOnly(201);
        assertThat(http.get("/api/cases/" + caseId).expect(200).list("$.relatedCases")).hasSize(2);
    }

    private static String filings(String caseId) {
        return "/api/cases/" + caseId + "/filings";
    }

    private static String entry(int number) {
        return """
                "entryNumber": %d, "dateFiled": "2022-01-05", "filedBy": "Plaintiff Co.", "type": "NOTICE",
                "title": "Notice %d"
                """.formatted(number, number);
    }

    private static String body(String members) {
        return "{" + members + ", \"source\": " + SOURCE + "}";
    }

    private String etag(String caseId) {
        return http.get("/api/cases/" + caseId).expect(200).etag();
    }

    private Reply refused(String caseId, Supplier<Reply> request, int status) {
        long events = storedEvents();
        int docket = docketSize(caseId);
        Reply reply = request.get();
        assertProblem(reply, status);
        assertThat(storedEvents()).as("events after %s", reply).isEqualTo(events);
        assertThat(docketSize(caseId)).as("docket after %s", reply).isEqualTo(docket);
        return reply;
    }

    interface Task<T> {
        Callable<T> of(int index);
    }

    /** Runs n tasks on n threads, released together, and answers their results in order. */
    static <T> List<T> concurrently(int n, Task<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> work = task.of(i);
                futures.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
