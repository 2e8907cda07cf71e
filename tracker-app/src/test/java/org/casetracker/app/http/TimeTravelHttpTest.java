package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The record replayed to a legal date ({@code asOf}) as known at a moment ({@code knownAt}). */
@SuppressWarnings("unchecked")
class TimeTravelHttpTest extends RecordedAppTest {

    @Test
    void oneDocketEntryIsReadAsOfADateAndSaysWhichDate() {
        String motion = "/api/cases/" + FEDERAL + "/filings/" + FEDERAL + "-dkt-2";
        Reply pending = http.get(motion + "?asOf=2021-01-13").expect(200);
        assertThat((String) pending.read("$.asOf")).isEqualTo("2021-01-13");
        assertThat((String) pending.read("$.knownAt")).isNotBlank();
        assertThat((String) pending.read("$.status")).isEqualTo("PENDING");
        Reply denied = http.get(motion + "?asOf=2021-01-22").expect(200);
        assertThat((String) denied.read("$.status")).isEqualTo("DENIED");
        assertThat((String) denied.read("$.decidedBy")).isEqualTo(FEDERAL + "-dkt-34");
        assertProblem(http.get(motion + "?asOf=2021-01-10"), 404);
    }

    @Test
    void onTheEveOfTheHearingTheFederalCaseIsOpenAndNothingIsDecided() {
        Reply federal = http.get("/api/cases/" + FEDERAL + "?asOf=2021-01-13").expect(200);
        assertThat((String) federal.read("$.status")).isEqualTo("OPEN");
        assertThat((Object) federal.read("$.disposition")).isNull();
        assertThat((List<Object>) federal.read("$.relatedCases")).isEmpty();

        List<Map<String, Object>> filings = http.get("/api/cases/" + FEDERAL + "/filings?asOf=2021-01-13")
                .expect(200).read("$.filings");
        assertThat(filings).extracting(f -> f.get("dateFiled"))
                .allSatisfy(d -> assertThat((String) d).isLessThanOrEqualTo("2021-01-13"));
        assertThat(filings).extracting(f -> f.get("id")).doesNotContain(FEDERAL + "-dkt-34");
        Map<String, Object> motion = motion(filings, FEDERAL + "-dkt-2");
        assertThat(motion.get("status")).isEqualTo("PENDING");
        assertThat(motion.get("decidedBy")).isNull();

        Reply claims = http.get("/api/cases/" + FEDERAL + "/claims?asOf=2021-01-13").expect(200);
        assertThat((List<Object>) claims.read("$.claims[*].status")).hasSize(3).containsOnly("PENDING");
        assertThat((List<Object>) claims.read("$.claims[*].findings[*]")).isEmpty();
    }

    @Test
    void theDayAfterDocket34TheMotionIsDeniedAndTheFindingsAreMade() {
        List<Map<String, Object>> filings = http.get("/api/cases/" + FEDERAL + "/filings?asOf=2021-01-22")
                .expect(200).read("$.filings");
        Map<String, Object> motion = motion(filings, FEDERAL + "-dkt-2");
        assertThat(motion.get("status")).isEqualTo("DENIED");
        assertThat(motion.get("decidedBy")).isEqualTo(FEDERAL + "-dkt-34");

        Reply claims = http.get("/api/cases/" + FEDERAL + "/claims?asOf=2021-01-22").expect(200);
        assertThat((List<Object>) claims.read("$.claims[*].status")).hasSize(3).containsOnly("PENDING");
        assertThat((List<Object>) claims.read("$.claims[*].findings[*].finding"))
                .containsExactly("NOT_LIKELY_TO_SUCCEED", "NOT_LIKELY_TO_SUCCEED", "NOT_LIKELY_TO_SUCCEED");
        assertThat((String) http.get("/api/cases/" + FEDERAL + "?asOf=2021-01-22").expect(200).read("$.status"))
                .isEqualTo("OPEN");
    }

    @Test
    void afterTheNoticeOfVoluntaryDismissalTheFederalCaseIsClosed() {
        Reply federal = http.get("/api/cases/" + FEDERAL + "?asOf=2021-03-03").expect(200);
        assertThat((String) federal.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) federal.read("$.disposition")).isEqualTo("VOLUNTARILY_DISMISSED");
        // the day before, still open
        assertThat((String) http.get("/api/cases/" + FEDERAL + "?asOf=2021-03-01").expect(200).read("$.status"))
                .isEqualTo("OPEN");
    }

    @Test
    void theStateCaseIsOpenWhenFiledClosedByRemovalThenOpenAgainOnRemand() {
        Reply filed = http.get("/api/cases/" + STATE + "?asOf=2021-03-02").expect(200);
        assertThat((String) filed.read("$.status")).isEqualTo("OPEN");

        Reply removed = http.get("/api/cases/" + STATE + "?asOf=2021-03-04").expect(200);
        assertThat((String) removed.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) removed.read("$.disposition")).isEqualTo("REMOVED");

        Reply remanded = http.get("/api/cases/" + STATE + "?asOf=2021-10-01").expect(200);
        assertThat((String) remanded.read("$.status")).isEqualTo("OPEN");
        Reply removal = http.get("/api/cases/" + REMOVAL + "?asOf=2021-10-01").expect(200);
        assertThat((String) removal.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) removal.read("$.disposition")).isEqualTo("REMANDED");

        // the list on one date shows each case as it then stood
        List<Map<String, Object>> march4 = http.get("/api/cases?asOf=2021-03-04&knownAt=" + recordLoadedBy)
                .expect(200).read("$.cases");
        assertThat(march4).extracting(c -> c.get("id") + " " + c.get("status") + " " + c.get("disposition"))
                .containsExactly(FEDERAL + " CLOSED VOLUNTARILY_DISMISSED", STATE + " CLOSED REMOVED",
                        REMOVAL + " OPEN null");
    }

    @Test
    void aCaseAskedForBeforeItWasFiledIsNotFound() {
        Reply early = http.get("/api/cases/" + REMOVAL + "?asOf=2021-03-01").expect(404);
        assertProblem(early, 404);
        assertProblem(http.get("/api/cases/" + REMOVAL + "/filings?asOf=2021-03-01").expect(404), 404);
        assertProblem(http.get("/api/cases/" + REMOVAL + "/claims?asOf=2021-03-01").expect(404), 404);

        List<Object> ids = http.get("/api/cases?asOf=2021-01-13").expect(200).read("$.cases[*].id");
        assertThat(ids).containsExactly(FEDERAL);
    }

    @Test
    void beforeTheRecordWasLoadedNothingWasKnown() {
        String before = "knownAt=2020-01-01T00:00:00Z";
        assertProblem(http.get("/api/cases/" + FEDERAL + "?" + before).expect(404), 404);
        assertProblem(http.get("/api/cases/" + FEDERAL + "/filings?" + before).expect(404), 404);
        assertThat((List<Object>) http.get("/api/cases?" + before).expect(200).read("$.cases")).isEmpty();
        assertThat((List<Object>) http.get("/api/cases?asOf=2021-12-31&" + before).expect(200).read("$.cases"))
                .isEmpty();
    }

    @Test
    void everyStateReadSaysWhichDateAndMomentItIsFor() {
        Instant knownAt = Instant.parse("2030-06-01T12:00:00Z");
        String query = "?asOf=2021-01-22&knownAt=" + knownAt;
        for (String path : List.of("/api/cases", "/api/cases/" + FEDERAL, "/api/cases/" + FEDERAL + "/claims",
                "/api/cases/" + FEDERAL + "/filings")) {
            Reply reply = http.get(path + query).expect(200);
            assertThat((String) reply.read("$.asOf")).as(path).isEqualTo("2021-01-22");
            assertThat(Instant.parse(reply.read("$.knownAt"))).as(path).isEqualTo(knownAt);
        }
        // the defaults: today, now
        Instant before = Instant.now();
        Reply live = http.get("/api/cases/" + FEDERAL).expect(200);
        assertThat((String) live.read("$.asOf")).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        assertThat(Instant.parse(live.read("$.knownAt"))).isBetween(before, Instant.now());
    }

    @Test
    void knownAtTheMomentTheRemandOrderWasRecordedTheStateCaseIsOpenAgainButNotJustBefore() {
        // the history tells when each event was recorded
        List<Map<String, Object>> history = http.get("/api/cases/" + STATE + "/history?size=500").expect(200)
                .read("$.entries");
        Map<String, Object> reopened = history.stream().filter(e -> "CaseReopened".equals(e.get("eventType")))
                .findFirst().orElseThrow();
        Instant reopenedAt = Instant.parse((String) reopened.get("recordedAt"));

        String at = "/api/cases/" + STATE + "?asOf=2021-10-01&knownAt=";
        assertThat((String) http.get(at + reopenedAt).expect(200).read("$.status")).isEqualTo("OPEN");
        Reply justBefore = http.get(at + reopenedAt.minusMillis(1)).expect(200);
        assertThat((String) justBefore.read("$.status")).isEqualTo("CLOSED");
        assertThat((String) justBefore.read("$.disposition")).isEqualTo("REMOVED");
    }

    private static Map<String, Object> motion(List<Map<String, Object>> filings, String id) {
        return filings.stream().filter(f -> id.equals(f.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.contentType()).as(reply.toString()).isNotNull();
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(reply.toString())
                .isTrue();
        assertThat((Integer) reply.read("$.status")).isEqualTo(status);
        assertThat((String) reply.read("$.title")).isNotBlank();
        assertThat((String) reply.read("$.detail")).isNotBlank();
    }
}
