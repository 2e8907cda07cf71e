package org.casetracker.app.http;

import org.casetracker.app.casefile.CaseEventStore;
import org.casetracker.app.http.Http.Reply;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.domain.casefile.CaseFile;
import org.casetracker.domain.casefile.CaseFileFold;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fold per view: the live projection and the as-of reads cannot disagree. For every prefix of each case's
 * history (what the live projection had seen at some moment) the live fold equals the as-of fold of the whole
 * history cut at that moment and today; and the live REST answers equal the as-of answers for today and now.
 */
@SuppressWarnings("unchecked")
class LiveEqualsAsOfHttpTest extends RecordedAppTest {

    @Autowired
    CaseEventStore eventStore;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    ProjectionCatchUp catchUp;

    @Test
    void forEveryPrefixOfEachHistoryTheLiveFoldEqualsTheAsOfFoldOfTodayAsKnownThen() {
        for (String caseId : List.of(FEDERAL, STATE, REMOVAL)) {
            assertEveryPrefixFoldsLiveAsAsOfToday(caseId);
        }
    }

    /**
     * A case of the test's own, recorded out of legal order, corrected and retracted: after every write the live
     * answers equal the answers for today and now, and every prefix of its history folds live as it does as of today.
     */
    @Test
    void aCaseRecordedOutOfOrderCorrectedAndRetractedReadsLiveAsAsOfTodayAfterEveryWrite() {
        String caseId = openCase("2022-01-10");
        assertLiveAnswersEqualTodayAndNow(caseId);
        record(caseId, """
                "entryNumber": 9, "dateFiled": "2022-03-01", "filedBy": "Plaintiff Co.",
                "type": "NOTICE_OF_VOLUNTARY_DISMISSAL", "title": "Notice of voluntary dismissal",
                "effects": {"cases": [{"caseId": "%s", "status": "CLOSED", "disposition": "VOLUNTARILY_DISMISSED"}]}
                """.formatted(caseId));
        assertLiveAnswersEqualTodayAndNow(caseId);
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-01-10", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint"
                """);
        assertClaim(caseId, 1, "ANTITRUST", "2022-01-10");
        assertClaim(caseId, 2, "BREACH_OF_CONTRACT", "2022-01-10");
        assertLiveAnswersEqualTodayAndNow(caseId);
        record(caseId, """
                "entryNumber": 2, "dateFiled": "2022-01-12", "filedBy": "Plaintiff Co.", "type": "MOTION",
                "title": "Motion for a preliminary injunction"
                """);
        record(caseId, """
                "entryNumber": 5, "dateFiled": "2022-02-01", "filedBy": "Court", "type": "ORDER",
                "title": "Order denying the motion",
                "effects": {"motions": [{"filingId": "%1$s-dkt-2", "outcome": "DENIED"}],
                            "findings": [{"claimId": "%1$s-count-1", "finding": "NOT_LIKELY_TO_SUCCEED"}],
                            "claimDispositions": [{"claimId": "%1$s-count-2", "disposition": "WITHDRAWN"}]}
                """.formatted(caseId));
        assertLiveAnswersEqualTodayAndNow(caseId);
        record(caseId, """
                "entryNumber": 3, "dateFiled": "2022-01-20", "filedBy": "Defendant Inc.", "type": "OPPOSITION",
                "title": "Opposition"
                """);
        http.post("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-5/corrections", """
                {"changes": {"dateFiled": "2022-02-03", "title": "Order denying the motion (corrected)"},
                 "reason": "the order is dated 3 February"}""").expect(201);
        assertLiveAnswersEqualTodayAndNow(caseId);
        http.post("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-9/retraction",
                "{\"reason\": \"entered on the wrong docket\"}").expect(201);
        assertLiveAnswersEqualTodayAndNow(caseId);
        http.post("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-5/retraction",
                "{\"reason\": \"an order of another case\"}").expect(201);
        assertLiveAnswersEqualTodayAndNow(caseId);

        // the writes did what they say (so the comparisons above were not of empty answers)
        Reply detail = http.get("/api/cases/" + caseId).expect(200);
        assertThat((String) detail.read("$.status")).isEqualTo("OPEN");
        assertThat((List<Object>) http.get("/api/cases/" + caseId + "/filings").expect(200).read("$.filings[*].id"))
                .containsExactly(caseId + "-dkt-1", caseId + "-dkt-2", caseId + "-dkt-3");
        assertThat((List<Object>) http.get("/api/cases/" + caseId + "/claims").expect(200).read("$.claims[*].status"))
                .containsExactly("PENDING", "PENDING");
        assertEveryPrefixFoldsLiveAsAsOfToday(caseId);
    }

    private void assertLiveAnswersEqualTodayAndNow(String caseId) {
        catchUp.awaitCaughtUp(Duration.ofSeconds(10));
        assertReadsFromCheckpointsEqualTheFoldFromScratch(caseId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        CaseFile live = caseFiles.live(caseId, today).orElseThrow();
        assertThat(withoutCut(live)).as(caseId).isEqualTo(withoutCut(caseFiles.asOf(caseId, today, now, false)
                .orElseThrow()));
        for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/claims",
                "/api/cases/" + caseId + "/filings")) {
            Map<String, Object> liveAnswer = http.get(path).expect(200).read("$");
            Map<String, Object> asOf = http.get(path + "?asOf=" + today + "&knownAt=" + Instant.now()).expect(200)
                    .read("$");
            assertThat(withoutCut(liveAnswer)).as(path).isEqualTo(withoutCut(asOf));
        }
        // the count and last position of the case's index rows kept with its row, which its cached events are
        // checked against (ADR 0022), are those of the rows themselves
        assertThat(jdbc.queryForList("select indexed_events, last_indexed from case_file where case_id = ?", caseId)
                .get(0).values()).as("kept with the case's row")
                .containsExactlyElementsOf(jdbc.queryForList("select count(*), max(global_index) from case_event "
                        + "where case_id = ?", caseId).get(0).values());
        // the case list reads the projection's row: the same line as the list as of today and now, and the status
        // the case's own read gives
        Map<String, Object> listed = listed(caseId, "");
        assertThat(listed).as("the live list's line").isEqualTo(listed(caseId, "?asOf=" + today + "&knownAt="
                + Instant.now()));
        Map<String, Object> detail = http.get("/api/cases/" + caseId).expect(200).read("$");
        assertThat(listed.get("status")).isEqualTo(detail.get("status"));
        assertThat(listed.get("disposition")).isEqualTo(detail.get("disposition"));
    }

    private Map<String, Object> listed(String caseId, String query) {
        List<Map<String, Object>> lines = http.get("/api/cases" + query).expect(200)
                .read("$.cases[?(@.id == '" + caseId + "')]");
        assertThat(lines).as("%s listed%s", caseId, query).hasSize(1);
        return lines.get(0);
    }

    /**
     * A case closed by a filing dated tomorrow (a court whose day has begun while ours has not) reads open today,
     * in the list as in its own read, though the projection's row holds it closed; and a row written before V3
     * (no last legal date, here with a status it does not hold) is listed as the case's events say.
     */
    @Test
    void theCaseListShowsTheCaseAsOfTodayWhateverItsRowHolds() {
        String caseId = openCase("2022-01-10");
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        record(caseId, """
                "entryNumber": 1, "dateFiled": "%s", "filedBy": "Plaintiff Co.",
                "type": "NOTICE_OF_VOLUNTARY_DISMISSAL", "title": "Notice of voluntary dismissal",
                "effects": {"cases": [{"caseId": "%s", "status": "CLOSED", "disposition": "VOLUNTARILY_DISMISSED"}]}
                """.formatted(tomorrow, caseId));
        assertLiveAnswersEqualTodayAndNow(caseId);
        assertThat(jdbc.queryForObject("select status from case_file where case_id = ?", String.class, caseId))
                .as("the row: everything recorded").isEqualTo("CLOSED");
        assertThat(listed(caseId, "").get("status")).as("listed as of today").isEqualTo("OPEN");
        assertThat(listed(caseId, "?asOf=" + tomorrow).get("status")).isEqualTo("CLOSED");

        String other = openCase("2022-01-10");
        catchUp.awaitCaughtUp(Duration.ofSeconds(10));
        jdbc.update("update case_file set last_legal_date = null, status = 'CLOSED', disposition = 'SETTLED' "
                + "where case_id = ?", other);
        assertThat(listed(other, "")).containsEntry("status", "OPEN").containsEntry("disposition", null);
    }

    /**
     * The as-of reads go on from checkpoints of the fold kept with the cached events (every 2 events in these tests,
     * {@link RecordedAppTest}): at every legal date of the case and every moment it was recorded at, with and without
     * retracted entries, they equal the fold from scratch of the events in the store. Called after every write, so
     * checkpoints taken before a write must not answer after it (ADR 0017).
     */
    private void assertReadsFromCheckpointsEqualTheFoldFromScratch(String caseId) {
        List<RecordedEvent> events = eventStore.eventsOf(caseId);
        TreeSet<LocalDate> dates = new TreeSet<>();
        events.forEach(e -> dates.add(e.event().legalDate()));
        events.stream().map(RecordedEvent::event)
                .filter(FilingCorrected.class::isInstance)
                .map(e -> ((FilingCorrected) e).changes().dateFiled())
                .filter(Objects::nonNull).forEach(dates::add);
        dates.add(dates.first().minusDays(1));
        List<Instant> moments = new ArrayList<>();
        moments.add(null);
        events.forEach(e -> moments.add(e.recordedAt()));
        int reads = 0;
        for (Instant knownAt : moments) {
            for (boolean includeRetracted : List.of(false, true)) {
                for (LocalDate asOf : dates.descendingSet()) {
                    assertThat(caseFiles.asOf(caseId, asOf, knownAt, includeRetracted))
                            .as("%s as of %s known at %s, includeRetracted %s", caseId, asOf, knownAt,
                                    includeRetracted)
                            .isEqualTo(CaseFileFold.fold(events, asOf, knownAt, includeRetracted));
                    reads++;
                }
            }
        }
        assertThat(reads).isGreaterThan(4);
    }

    private void assertEveryPrefixFoldsLiveAsAsOfToday(String caseId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<RecordedEvent> events = eventStore.eventsOf(caseId);
        assertThat(events).as(caseId).hasSizeGreaterThan(3);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position()).as("%s: store order", caseId)
                    .isGreaterThan(events.get(i - 1).position());
            assertThat(events.get(i).recordedAt()).as("%s: recorded in store order", caseId)
                    .isAfterOrEqualTo(events.get(i - 1).recordedAt());
        }
        int prefixes = 0;
        for (int end = 1; end <= events.size(); end++) {
            Instant knownAt = events.get(end - 1).recordedAt();
            if (end < events.size() && events.get(end).recordedAt().equals(knownAt)) {
                continue; // cut only after the last event recorded at this instant
            }
            List<RecordedEvent> prefix = events.subList(0, end);
            Optional<CaseFile> live = CaseFileFold.fold(prefix, null, null, false);
            Optional<CaseFile> asOf = CaseFileFold.fold(events, today, knownAt, false);
            assertThat(live).as("%s after %d of %d events", caseId, end, events.size()).isPresent();
            assertThat(asOf.map(LiveEqualsAsOfHttpTest::withoutCut))
                    .as("%s as of %s known at %s (%d of %d events)", caseId, today, knownAt, end, events.size())
                    .isEqualTo(live.map(LiveEqualsAsOfHttpTest::withoutCut));
            prefixes++;
        }
        assertThat(prefixes).as(caseId).isGreaterThan(1);
    }

    @Test
    void theStoredLiveCaseFileIsTheFoldOfEveryEventAsOfTodayAndNow() {
        catchUp.awaitCaughtUp(Duration.ofSeconds(10));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant now = Instant.now();
        for (String caseId : List.of(FEDERAL, STATE, REMOVAL)) {
            CaseFile live = caseFiles.live(caseId, today).orElseThrow();
            CaseFile asOf = caseFiles.asOf(caseId, today, now, false).orElseThrow();
            assertThat(withoutCut(live)).as(caseId).isEqualTo(withoutCut(asOf));
            assertThat(live.lastPosition()).as(caseId)
                    .isEqualTo(eventStore.eventsOf(caseId).stream().mapToLong(RecordedEvent::position).max()
                            .orElseThrow());
        }
    }

    @Test
    void theLiveAnswersOverHttpEqualTheAnswersForTodayAndNow() {
        catchUp.awaitCaughtUp(Duration.ofSeconds(10));
        for (String caseId : List.of(FEDERAL, STATE, REMOVAL)) {
            for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/claims",
                    "/api/cases/" + caseId + "/filings")) {
                Map<String, Object> live = http.get(path).expect(200).read("$");
                String today = LocalDate.now(ZoneOffset.UTC).toString();
                Map<String, Object> asOf = http.get(path + "?asOf=" + today + "&knownAt=" + Instant.now()).expect(200)
                        .read("$");
                assertThat((String) live.get("asOf")).as(path).isEqualTo(today);
                assertThat((String) asOf.get("asOf")).as(path).isEqualTo(today);
                assertThat(withoutCut(live)).as(path).isEqualTo(withoutCut(asOf));
                assertThat(withoutCut(live)).as(path).isNotEmpty();
            }
        }
        // and the docket is not empty nor trivially equal: the federal case's docket as of today holds dkt 34
        List<Object> ids = http.get("/api/cases/" + FEDERAL + "/filings").expect(200).read("$.filings[*].id");
        assertThat(ids).contains(FEDERAL + "-dkt-34");
    }

    /** The case file without the cut it was asked for and the last position it saw (its last legal date stays). */
    private static CaseFile withoutCut(CaseFile f) {
        return new CaseFile(f.id(), f.court(), f.courtName(), f.docketNumber(), f.caption(), f.filedOn(), f.judge(),
                f.parties(), f.source(), f.status(), f.disposition(), f.lastStatusChange(), f.relatedCases(),
                f.claims(), f.docket(), null, null, 0, f.lastLegalDate());
    }

    private static Map<String, Object> withoutCut(Map<String, Object> answer) {
        Map<String, Object> rest = new LinkedHashMap<>(answer);
        rest.remove("asOf");
        rest.remove("knownAt");
        return rest;
    }
}
