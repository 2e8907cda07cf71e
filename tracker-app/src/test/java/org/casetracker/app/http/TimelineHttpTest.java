package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.casetracker.app.http.TimeTravelHttpTest.assertProblem;

/** The case over time on the record of the dispute: what changed between two legal dates, and the timeline. */
@SuppressWarnings("unchecked")
class TimelineHttpTest extends RecordedAppTest {

    private static final String COUNT = FEDERAL + "-count-";

    @Test
    void fromTheEveOfTheHearingToTheDayAfterDocket34TheHearingTheOrderTheRulingAndTheFindingsChanged() {
        Reply reply = http.get("/api/cases/" + FEDERAL + "/changes?from=2021-01-13&to=2021-01-22").expect(200);
        assertThat((String) reply.read("$.caseId")).isEqualTo(FEDERAL);
        assertThat((String) reply.read("$.from")).isEqualTo("2021-01-13");
        assertThat((String) reply.read("$.to")).isEqualTo("2021-01-22");
        assertThat((String) reply.read("$.knownAt")).isNotBlank();

        List<Map<String, Object>> changes = reply.read("$.changes");
        assertThat(changes).extracting(c -> c.get("legalDate"), c -> c.get("kind"), c -> c.get("value"))
                .containsExactly(
                        tuple("2021-01-14", "FILING_ADDED", "HEARING"),
                        tuple("2021-01-21", "FILING_ADDED", "ORDER"),
                        tuple("2021-01-21", "MOTION_DECIDED", "DENIED"),
                        tuple("2021-01-21", "FINDING_MADE", "NOT_LIKELY_TO_SUCCEED"),
                        tuple("2021-01-21", "FINDING_MADE", "NOT_LIKELY_TO_SUCCEED"),
                        tuple("2021-01-21", "FINDING_MADE", "NOT_LIKELY_TO_SUCCEED"));
        assertThat((String) changes.get(0).get("subject")).startsWith(FEDERAL + "-");
        assertThat(changes.get(1).get("subject")).isEqualTo(FEDERAL + "-dkt-34");
        assertThat(changes.get(2).get("subject")).isEqualTo(FEDERAL + "-dkt-2");
        assertThat(changes.get(2).get("byFiling")).isEqualTo(FEDERAL + "-dkt-34");
        assertThat(changes.subList(3, 6)).extracting(c -> c.get("subject"))
                .containsExactlyInAnyOrder(COUNT + 1, COUNT + 2, COUNT + 3);
        assertThat(changes.subList(3, 6)).extracting(c -> c.get("byFiling")).containsOnly(FEDERAL + "-dkt-34");

        // each with the event it comes from and the source of the fact
        assertCarriesItsEventAndSource(FEDERAL, changes);
        assertThat(source(changes.get(0))).containsEntry("verification", "SECONDARY");
        assertThat(source(changes.get(1))).containsEntry("verification", "VERIFIED");
        assertThat((String) source(changes.get(1)).get("citation")).contains("2:2021cv00031/294664/34");
        assertThat(changes.subList(1, 6)).extracting(c -> source(c).get("citation"))
                .as("the effects are sourced to the order").containsOnly(source(changes.get(1)).get("citation"));
    }

    @Test
    void aroundTheNoticeOfVoluntaryDismissalTheCaseClosedAndTheCountsWereDisposedOf() {
        List<Map<String, Object>> changes = http.get("/api/cases/" + FEDERAL + "/changes?from=2021-03-01&to=2021-03-03")
                .expect(200).read("$.changes");
        assertThat(changes).extracting(c -> c.get("legalDate")).containsOnly("2021-03-02");
        assertThat(changes).extracting(c -> c.get("kind"), c -> c.get("subject"), c -> c.get("value"))
                .contains(tuple("CASE_CLOSED", FEDERAL, "VOLUNTARILY_DISMISSED"),
                        tuple("CLAIM_DISPOSED", COUNT + 1, "DISMISSED_WITHOUT_PREJUDICE"),
                        tuple("CLAIM_DISPOSED", COUNT + 2, "DISMISSED_WITHOUT_PREJUDICE"),
                        tuple("CLAIM_DISPOSED", COUNT + 3, "DISMISSED_WITHOUT_PREJUDICE"));
        assertThat(changes).extracting(c -> c.get("kind")).containsExactlyInAnyOrder("FILING_ADDED", "CASE_LINKED",
                "CLAIM_DISPOSED", "CLAIM_DISPOSED", "CLAIM_DISPOSED", "CASE_CLOSED");
        String notice = FEDERAL + "-2021-03-02-notice-of-voluntary-dismissal";
        assertThat(changes).filteredOn(c -> !"FILING_ADDED".equals(c.get("kind")))
                .extracting(c -> c.get("byFiling")).containsOnly(notice);
        assertCarriesItsEventAndSource(FEDERAL, changes);

        // the bounds: from is exclusive, to inclusive
        assertThat((List<Object>) http.get("/api/cases/" + FEDERAL + "/changes?from=2021-03-02&to=2021-03-03")
                .expect(200).read("$.changes")).isEmpty();
        assertThat((List<Object>) http.get("/api/cases/" + FEDERAL + "/changes?from=2021-03-01&to=2021-03-02")
                .expect(200).read("$.changes")).hasSameSizeAs(changes);
    }

    @Test
    void theChangesAreTheTimelineBetweenTheTwoDates() {
        Instant knownAt = Instant.now();
        List<Map<String, Object>> timeline = http.get("/api/cases/" + FEDERAL + "/timeline?knownAt=" + knownAt)
                .expect(200).read("$.events");
        List<Map<String, Object>> changes = http.get("/api/cases/" + FEDERAL
                + "/changes?from=2021-01-11&to=2021-12-31&knownAt=" + knownAt).expect(200).read("$.changes");
        assertThat(changes).isEqualTo(timeline.stream()
                .filter(e -> ((String) e.get("legalDate")).compareTo("2021-01-11") > 0).toList());
        assertThat(timeline).filteredOn(e -> "2021-01-11".equals(e.get("legalDate"))).isNotEmpty();
    }

    @Test
    void theKingCountyTimelineRunsInLegalOrderThroughItsRemovalAndItsRemand() {
        Reply reply = http.get("/api/cases/" + STATE + "/timeline").expect(200);
        assertThat((String) reply.read("$.caseId")).isEqualTo(STATE);
        assertThat((String) reply.read("$.asOf")).isNotBlank();
        List<Map<String, Object>> events = reply.read("$.events");
        assertThat(events).extracting(e -> (String) e.get("legalDate")).isSorted();
        assertThat(events).extracting(e -> e.get("legalDate"), e -> e.get("kind"), e -> e.get("value"))
                .contains(tuple("2021-03-03", "CASE_CLOSED", "REMOVED"), tuple("2021-09-17", "CASE_REOPENED", "OPEN"))
                .containsSubsequence(tuple("2021-03-02", "CASE_OPENED", "OPEN"),
                        tuple("2021-03-03", "CASE_CLOSED", "REMOVED"), tuple("2021-09-17", "CASE_REOPENED", "OPEN"));
        assertThat(events.get(0).get("kind")).isEqualTo("CASE_OPENED");
        assertThat(events).filteredOn(e -> "CASE_CLOSED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("byFiling")).startsWith(REMOVAL + "-"));
        assertThat(events).filteredOn(e -> "CASE_REOPENED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e.get("byFiling")).isEqualTo(REMOVAL + "-dkt-69"));
        assertThat(events).filteredOn(e -> "CASE_LINKED".equals(e.get("kind")))
                .extracting(e -> e.get("value"), e -> e.get("subject"))
                .containsExactly(tuple("REFILED_FROM", FEDERAL), tuple("REMOVED_TO", REMOVAL),
                        tuple("REMANDED_FROM", REMOVAL));
        assertCarriesItsEventAndSource(STATE, events);

        // as of a day between removal and remand the timeline stops at the removal
        List<Map<String, Object>> removed = http.get("/api/cases/" + STATE + "/timeline?asOf=2021-06-01").expect(200)
                .read("$.events");
        assertThat(removed).isEqualTo(events.stream()
                .filter(e -> ((String) e.get("legalDate")).compareTo("2021-06-01") <= 0).toList());
        assertThat(removed.get(removed.size() - 1).get("kind")).isEqualTo("CASE_CLOSED");

        // known before the record was loaded there is nothing
        assertThat((List<Object>) http.get("/api/cases/" + STATE + "/timeline?knownAt=2020-01-01T00:00:00Z")
                .expect(200).read("$.events")).isEmpty();
    }

    @Test
    void toBeforeFromIsRefusedNamingTo() {
        Reply reply = http.get("/api/cases/" + FEDERAL + "/changes?from=2021-03-03&to=2021-03-01").expect(400);
        assertProblem(reply, 400);
        assertThat((List<Object>) reply.read("$.errors[*].field")).containsExactly("to");
    }

    @Test
    void aMissingOrUnreadableDateIsRefused() {
        Reply missingFrom = http.get("/api/cases/" + FEDERAL + "/changes?to=2021-03-01").expect(400);
        assertProblem(missingFrom, 400);
        assertThat((List<Object>) missingFrom.read("$.errors[*].field")).containsExactly("from");

        Reply missingTo = http.get("/api/cases/" + FEDERAL + "/changes?from=2021-03-01").expect(400);
        assertProblem(missingTo, 400);
        assertThat((List<Object>) missingTo.read("$.errors[*].field")).containsExactly("to");

        Reply badDate = http.get("/api/cases/" + FEDERAL + "/changes?from=2021-02-30&to=2021-03-01").expect(400);
        assertProblem(badDate, 400);
        assertThat((List<Object>) badDate.read("$.errors[*].field")).containsExactly("from");

        assertProblem(http.get("/api/cases/" + FEDERAL + "/timeline?asOf=yesterday").expect(400), 400);
    }

    @Test
    void anUnknownCaseIsNotFound() {
        assertProblem(http.get("/api/cases/no-such-case/changes?from=2021-01-01&to=2021-12-31").expect(404), 404);
        assertProblem(http.get("/api/cases/no-such-case/timeline").expect(404), 404);
    }

    /** Each entry names a stored event of the case (as its history lists it), its legal date and its source. */
    private void assertCarriesItsEventAndSource(String caseId, List<Map<String, Object>> entries) {
        List<Map<String, Object>> history = http.get("/api/cases/" + caseId + "/history?size=500").expect(200)
                .read("$.entries");
        Map<String, Map<String, Object>> byEventId = new HashMap<>();
        history.forEach(h -> byEventId.put((String) h.get("eventId"), h));
        assertThat(entries).isNotEmpty();
        for (Map<String, Object> entry : entries) {
            Map<String, Object> event = byEventId.get((String) entry.get("eventId"));
            assertThat(event).as("the event of %s in the history of %s", entry, caseId).isNotNull();
            assertThat(entry.get("legalDate")).as("%s", entry).isEqualTo(event.get("legalDate"));
            assertThat(((Number) entry.get("position")).longValue()).as("%s", entry)
                    .isEqualTo(((Number) event.get("position")).longValue());
            assertThat(source(entry).get("citation")).as("%s", entry).isNotNull();
            assertThat(source(entry).get("verification")).as("%s", entry).isIn("VERIFIED", "SECONDARY", "UNVERIFIED");
            assertThat(source(entry)).as("%s", entry).isEqualTo(event.get("source"));
        }
    }

    private static Map<String, Object> source(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("source");
    }
}
