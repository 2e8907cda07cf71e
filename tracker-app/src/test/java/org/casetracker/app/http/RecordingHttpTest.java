package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Writes over HTTP: each answers 201 with the id and its Location, and is seen at once by the reads that follow
 * and in the case's history. Every test works in a case of its own.
 */
@SuppressWarnings("unchecked")
class RecordingHttpTest extends RecordedAppTest {

    private String suffix;

    @Test
    void aCaseItsClaimsAndItsFilingsAreRecordedAndReadBackAtOnce() {
        Instant start = Instant.now();
        Reply opened = http.post("/api/cases", """
                {"court": "test", "courtName": "Test Court", "docketNumber": "1:22-CV-%s",
                 "caption": "Alpha LLC v. Beta Inc.", "filedOn": "2022-01-10", "judge": "Jane Q. Judge",
                 "parties": [{"name": "Alpha LLC", "role": "PLAINTIFF", "counsel": ["A. Lawyer", "B. Lawyer"]},
                             {"name": "Beta Inc.", "role": "DEFENDANT"}],
                 "source": {"citation": "https://example.org/alpha-v-beta", "verification": "VERIFIED"}}"""
                .formatted(suffix())).expect(201);
        String caseId = opened.read("$.id");
        assertThat(caseId).isEqualTo("test-1-22-cv-" + suffix());
        assertThat(opened.location()).endsWith("/api/cases/" + caseId);

        Reply theCase = http.get(opened.location()).expect(200);
        assertThat((String) theCase.read("$.caption")).isEqualTo("Alpha LLC v. Beta Inc.");
        assertThat((String) theCase.read("$.docketNumber")).isEqualTo("1:22-CV-" + suffix());
        assertThat((String) theCase.read("$.status")).isEqualTo("OPEN");
        assertThat((List<Object>) theCase.read("$.parties[0].counsel")).containsExactly("A. Lawyer", "B. Lawyer");
        assertThat((List<Object>) http.get("/api/cases").expect(200).read("$.cases[*].id")).contains(caseId);

        Reply complaint = http.post("/api/cases/" + caseId + "/filings", """
                {"entryNumber": 1, "dateFiled": "2022-01-10", "filedBy": "Alpha LLC", "type": "COMPLAINT",
                 "title": "Complaint", "pageCount": 30,
                 "source": {"citation": "https://example.org/alpha-v-beta/1", "verification": "VERIFIED"}}""")
                .expect(201);
        assertThat((String) complaint.read("$.id")).isEqualTo(caseId + "-dkt-1");
        assertThat(complaint.location()).endsWith("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-1");
        assertThat((String) http.get(complaint.location()).expect(200).read("$.title")).isEqualTo("Complaint");

        Reply claim = http.post("/api/cases/" + caseId + "/claims", """
                {"count": 1, "type": "DEFAMATION", "title": "Defamation", "legalBasis": "State tort law",
                 "assertedIn": "%s-dkt-1", "assertedOn": "2022-01-10",
                 "source": {"citation": "https://example.org/alpha-v-beta/1#count-1", "verification": "VERIFIED"}}"""
                .formatted(caseId)).expect(201);
        assertThat((String) claim.read("$.id")).isEqualTo(caseId + "-count-1");
        assertThat(claim.location()).endsWith("/api/cases/" + caseId + "/claims");
        Reply claims = http.get("/api/cases/" + caseId + "/claims").expect(200);
        assertThat((List<Map<String, Object>>) claims.read("$.claims"))
                .extracting(c -> c.get("id"), c -> c.get("type"), c -> c.get("status"), c -> c.get("assertedIn"))
                .containsExactly(tuple(caseId + "-count-1", "DEFAMATION", "PENDING", caseId + "-dkt-1"));

        // unnumbered entries get a readable id from date and type, with a counter for a second of a kind
        Reply hearing = http.post("/api/cases/" + caseId + "/filings", """
                {"dateFiled": "2022-01-12", "filedBy": "Court", "type": "HEARING", "title": "Status conference",
                 "source": {"citation": "https://news.example.org/hearing", "verification": "SECONDARY"}}""")
                .expect(201);
        assertThat((String) hearing.read("$.id")).isEqualTo(caseId + "-2022-01-12-hearing");
        assertThat(hearing.location()).endsWith("/filings/" + caseId + "-2022-01-12-hearing");
        String secondHearing = record(caseId, """
                "dateFiled": "2022-01-12", "filedBy": "Court", "type": "HEARING", "title": "Afternoon session"
                """);
        assertThat(secondHearing).isEqualTo(caseId + "-2022-01-12-hearing-2");
        String motion = record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-01-11", "filedBy": "Alpha LLC", "type": "MOTION",
                "title": "Motion to expedite", "claimIds": ["%s-count-1"]""".formatted(caseId));

        List<Map<String, Object>> docket = http.get("/api/cases/" + caseId + "/filings").expect(200)
                .read("$.filings");
        assertThat(docket).extracting(f -> f.get("id"), f -> f.get("entryNumber"), f -> f.get("dateFiled"))
                .containsExactly(
                        tuple(caseId + "-dkt-1", 1, "2022-01-10"),
                        tuple(motion, 2, "2022-01-11"),
                        tuple(caseId + "-2022-01-12-hearing", null, "2022-01-12"),
                        tuple(secondHearing, null, "2022-01-12"));
        assertThat(docket.get(1)).containsEntry("status", "PENDING")
                .containsEntry("claimIds", List.of(caseId + "-count-1"));
        assertThat((Map<String, Object>) docket.get(2).get("source"))
                .containsEntry("citation", "https://news.example.org/hearing")
                .containsEntry("verification", "SECONDARY");
        assertThat((Integer) http.get("/api/cases/" + caseId).expect(200).read("$.docketEntries")).isEqualTo(4);

        // the history: every event in recorded order, when it was recorded and on what source
        Reply history = http.get("/api/cases/" + caseId + "/history").expect(200);
        assertThat((Integer) history.read("$.totalEntries")).isEqualTo(6);
        List<Map<String, Object>> entries = history.read("$.entries");
        assertThat(entries).extracting(e -> e.get("eventType"), e -> e.get("aggregateId")).containsExactly(
                tuple("CaseOpened", caseId),
                tuple("FilingRecorded", caseId + "-dkt-1"),
                tuple("ClaimAsserted", caseId + "-count-1"),
                tuple("FilingRecorded", caseId + "-2022-01-12-hearing"),
                tuple("FilingRecorded", secondHearing),
                tuple("FilingRecorded", motion));
        List<Instant> recorded = entries.stream().map(e -> Instant.parse((String) e.get("recordedAt"))).toList();
        assertThat(recorded).isSorted().allSatisfy(at -> assertThat(at)
                .isAfterOrEqualTo(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isBeforeOrEqualTo(Instant.now()));
        assertThat(entries.get(0)).containsEntry("legalDate", "2022-01-10");
        assertThat((Map<String, Object>) entries.get(0).get("source"))
                .containsEntry("citation", "https://example.org/alpha-v-beta");
        assertThat((Map<String, Object>) entries.get(3).get("source"))
                .containsEntry("citation", "https://news.example.org/hearing")
                .containsEntry("verification", "SECONDARY");
        assertThat((String) entries.get(3).get("summary")).contains("HEARING", "Status conference");
    }

    @Test
    void anOrderDecidesTheMotionAssessesAndDisposesOfClaimsAndClosesTheCaseAndARetractionUndoesIt() {
        String caseId = openCase("2022-02-01");
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-02-01", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        assertClaim(caseId, 1, "BREACH_OF_CONTRACT", "2022-02-01");
        assertClaim(caseId, 2, "NEGLIGENCE", "2022-02-01");
        String motion = record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-02-02", "filedBy": "Defendant Inc.", "type": "MOTION",
                "title": "Motion to dismiss"
                """);
        String order = record(caseId, """
                "entryNumber": 3, "dateFiled": "2022-03-15", "filedBy": "Court", "type": "ORDER",
                "title": "Order on the motion to dismiss",
                "effects": {
                  "motions": [{"filingId": "%1$s-dkt-2", "outcome": "GRANTED_IN_PART"}],
                  "findings": [{"claimId": "%1$s-count-1", "finding": "PLAUSIBLY_PLEADED"}],
                  "claimDispositions": [{"claimId": "%1$s-count-2", "disposition": "DISMISSED_WITH_PREJUDICE"}],
                  "cases": [{"caseId": "%1$s", "status": "CLOSED", "disposition": "DISMISSED"}]}"""
                .formatted(caseId));
        assertThat(order).isEqualTo(caseId + "-dkt-3");

        // the effects are seen at once
        Map<String, Object> decided = filing(caseId, motion, "");
        assertThat(decided).containsEntry("status", "GRANTED_IN_PART").containsEntry("decidedBy", order)
                .containsEntry("decidedOn", "2022-03-15");
        Reply claims = http.get("/api/cases/" + caseId + "/claims").expect(200);
        assertThat((String) claims.read("$.claims[0].status")).isEqualTo("PENDING");
        assertThat((List<Object>) claims.read("$.claims[0].findings[*].finding")).containsExactly("PLAUSIBLY_PLEADED");
        assertThat((List<Object>) claims.read("$.claims[0].findings[*].byFiling")).containsExactly(order);
        assertThat((String) claims.read("$.claims[1].status")).isEqualTo("DISMISSED_WITH_PREJUDICE");
        assertThat((String) claims.read("$.claims[1].disposedBy")).isEqualTo(order);
        Reply closed = http.get("/api/cases/" + caseId).expect(200);
        assertThat((String) closed.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) closed.read("$.disposition")).isEqualTo("DISMISSED");
        assertThat((String) closed.read("$.statusChange.byFiling")).isEqualTo(order);
        assertThat((String) closed.read("$.statusChange.on")).isEqualTo("2022-03-15");
        assertThat((List<Object>) http.get("/api/cases").expect(200).read("$.cases[?(@.id == '" + caseId
                + "')].status")).containsExactly("CLOSED");
        // the effects take the order's date: the day before, nothing was decided
        assertThat((String) http.get("/api/cases/" + caseId + "?asOf=2022-03-14").expect(200).read("$.status"))
                .isEqualTo("OPEN");
        assertThat(filing(caseId, motion, "?asOf=2022-03-14")).containsEntry("status", "PENDING");
        long historyBefore = historySize(caseId);

        Instant beforeRetraction = pause();
        Reply retracted = http.post("/api/cases/" + caseId + "/filings/" + order + "/retraction",
                "{\"reason\": \"entered on the wrong docket\"}").expect(201);
        assertThat((String) retracted.read("$.id")).isEqualTo(order);
        assertThat(retracted.location()).endsWith("/api/cases/" + caseId + "/filings/" + order);

        // the entry leaves the docket and its effects are undone
        Reply reopened = http.get("/api/cases/" + caseId).expect(200);
        assertThat((String) reopened.read("$.status")).isEqualTo("OPEN");
        assertThat((Object) reopened.read("$.disposition")).isNull();
        assertThat((List<Object>) http.get("/api/cases/" + caseId + "/filings").expect(200).read("$.filings[*].id"))
                .containsExactly(caseId + "-dkt-1", motion);
        assertThat(filing(caseId, motion, "")).containsEntry("status", "PENDING").containsEntry("decidedBy", null);
        Reply undone = http.get("/api/cases/" + caseId + "/claims").expect(200);
        assertThat((List<Object>) undone.read("$.claims[*].status")).containsExactly("PENDING", "PENDING");
        assertThat((List<Object>) undone.read("$.claims[*].findings[*]")).isEmpty();
        assertThat(http.get("/api/cases/" + caseId + "/filings/" + order).status()).isEqualTo(404);

        // ... and is still there when asked for, marked, with its reason
        List<Map<String, Object>> withRetracted = http.get("/api/cases/" + caseId + "/filings?includeRetracted=true")
                .expect(200).read("$.filings");
        assertThat(withRetracted).extracting(f -> f.get("id"), f -> f.get("retracted"), f -> f.get("retractionReason"))
                .containsExactly(
                        tuple(caseId + "-dkt-1", false, null),
                        tuple(motion, false, null),
                        tuple(order, true, "entered on the wrong docket"));

        // nothing was erased: as known before the retraction, the case was closed
        assertThat((String) http.get("/api/cases/" + caseId + "?knownAt=" + beforeRetraction).expect(200)
                .read("$.status")).isEqualTo("CLOSED");
        List<Map<String, Object>> history = http.get("/api/cases/" + caseId + "/history?size=500").expect(200)
                .read("$.entries");
        assertThat(history).hasSizeGreaterThan((int) historyBefore);
        assertThat(history.subList((int) historyBefore, history.size()))
                .extracting(e -> e.get("eventType"), e -> e.get("reason"))
                .contains(tuple("FilingRetracted", "entered on the wrong docket"))
                .allSatisfy(t -> assertThat(t.toList().get(1)).isEqualTo("entered on the wrong docket"));
    }

    @Test
    void aCorrectionChangesTheEntryForReadsKnownAfterItAndNotBefore() {
        String caseId = openCase("2022-04-01");
        String complaint = record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-04-01", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint for damages"
                """);
        String answer = record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-04-20", "filedBy": "Defendant Inc.", "type": "OTHER",
                "title": "Answer"
                """);
        Instant beforeCorrection = pause();

        Reply corrected = http.post("/api/cases/" + caseId + "/filings/" + complaint + "/corrections", """
                {"changes": {"title": "Verified complaint for damages and injunctive relief"},
                 "reason": "title misread from the docket sheet",
                 "source": {"citation": "https://example.org/complaint.pdf", "verification": "VERIFIED"}}""")
                .expect(201);
        assertThat((String) corrected.read("$.id")).isEqualTo(complaint);
        assertThat(corrected.location()).endsWith("/api/cases/" + caseId + "/filings/" + complaint);
        Instant afterCorrection = pause();

        Map<String, Object> now = filing(caseId, complaint, "");
        assertThat(now).containsEntry("title", "Verified complaint for damages and injunctive relief");
        assertThat((List<Map<String, Object>>) now.get("corrections")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("reason", "title misread from the docket sheet"));
        assertThat((Map<String, Object>) now.get("source")).containsEntry("citation", "https://example.org/complaint.pdf");

        Map<String, Object> knownBefore = filing(caseId, complaint, "?knownAt=" + beforeCorrection);
        assertThat(knownBefore).containsEntry("title", "Complaint for damages");
        assertThat((List<Object>) knownBefore.get("corrections")).isEmpty();
        assertThat(filing(caseId, complaint, "?knownAt=" + afterCorrection))
                .containsEntry("title", "Verified complaint for damages and injunctive relief");

        // a corrected date moves the entry in legal time, from the correction on
        http.post("/api/cases/" + caseId + "/filings/" + answer + "/corrections", """
                {"changes": {"dateFiled": "2022-04-05"}, "reason": "the stamp reads 5 April"}""").expect(201);
        assertThat(filing(caseId, answer, "?asOf=2022-04-06")).containsEntry("dateFiled", "2022-04-05");
        assertThat(http.get("/api/cases/" + caseId + "/filings/" + answer + "?asOf=2022-04-06&knownAt="
                + afterCorrection).status()).isEqualTo(404);

        List<Map<String, Object>> history = http.get("/api/cases/" + caseId + "/history").expect(200)
                .read("$.entries");
        assertThat(history).filteredOn(e -> "FilingCorrected".equals(e.get("eventType")))
                .extracting(e -> e.get("aggregateId"), e -> e.get("reason"))
                .containsExactly(tuple(complaint, "title misread from the docket sheet"),
                        tuple(answer, "the stamp reads 5 April"));
    }

    private Map<String, Object> filing(String caseId, String filingId, String query) {
        return http.get("/api/cases/" + caseId + "/filings/" + filingId + query).expect(200).read("$");
    }

    /** A moment strictly between what was recorded before and what will be recorded after (millisecond clock). */
    private static Instant pause() {
        try {
            Thread.sleep(3);
            Instant between = Instant.now();
            Thread.sleep(3);
            return between;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String suffix() {
        if (suffix == null) {
            suffix = Long.toString(System.nanoTime() % 100_000_000L);
        }
        return suffix;
    }
}
