package org.casetracker.app.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filing's effects on another case move with a correction of its date: the correction is indexed under
 * that case too, so its fold re-dates them, and its history shows the correction.
 */
class CrossCaseCorrectionHttpTest extends RecordedAppTest {

    @Test
    void correctingTheDateOfARemandOrderMovesTheReopeningOfTheStateCase() {
        String state = openCase("2022-03-01");
        String removal = openCase("2022-03-02");
        record(removal, """
                "dateFiled": "2022-03-02", "filedBy": "Defendant Inc.", "type": "NOTICE_OF_REMOVAL",
                "title": "Notice of removal",
                "effects": {"links": [{"caseId": "%s", "relation": "REMOVED_FROM", "otherCaseId": "%s"}],
                            "cases": [{"caseId": "%s", "status": "CLOSED", "disposition": "REMOVED"}]}"""
                .formatted(removal, state, state));
        String remand = record(removal, """
                "entryNumber": 40, "dateFiled": "2022-09-17", "filedBy": "Court", "type": "ORDER",
                "title": "Order of remand",
                "effects": {"links": [{"caseId": "%s", "relation": "REMANDED_TO", "otherCaseId": "%s"}],
                            "cases": [{"caseId": "%s", "status": "CLOSED", "disposition": "REMANDED"},
                                      {"caseId": "%s", "status": "OPEN"}]}"""
                .formatted(removal, state, removal, state));
        assertThat(statusOf(state, "2022-09-20")).isEqualTo("OPEN");

        http.post("/api/cases/" + removal + "/filings/" + remand + "/corrections", """
                {"changes": {"dateFiled": "2022-09-30"}, "reason": "the order is dated 30 September",
                 "source": %s}""".formatted(SOURCE)).expect(201);

        assertThat(statusOf(state, "2022-09-20")).as("the reopening moved with the order").isEqualTo("CLOSED");
        assertThat(statusOf(state, "2022-09-30")).isEqualTo("OPEN");
        assertThat(statusOf(removal, "2022-09-20")).isEqualTo("OPEN");
        assertThat(statusOf(removal, "2022-09-30")).isEqualTo("CLOSED");
        assertThat(http.get("/api/cases/" + state + "/history?size=100").expect(200)
                .list("$.entries[?(@.eventType == 'FilingCorrected')].aggregateId")).containsExactly(remand);
        // the correction is indexed under the state case too, and the live reads of both see it (ADR 0022)
        for (String caseId : List.of(state, removal)) {
            assertThat(jdbc.queryForList("select indexed_events, last_indexed from case_file where case_id = ?", caseId)
                    .get(0).values()).as("the count kept with %s's row", caseId)
                    .containsExactlyElementsOf(jdbc.queryForList("select count(*), max(global_index) from case_event "
                            + "where case_id = ?", caseId).get(0).values());
            Map<String, Object> live = new LinkedHashMap<>(http.get("/api/cases/" + caseId).expect(200).read("$"));
            Map<String, Object> today = new LinkedHashMap<>(http.get("/api/cases/" + caseId + "?asOf="
                    + LocalDate.now(ZoneOffset.UTC) + "&knownAt=" + Instant.now()).expect(200).read("$"));
            List.of(live, today).forEach(read -> read.keySet().removeAll(List.of("asOf", "knownAt")));
            assertThat(live).as(caseId).isEqualTo(today);
        }
    }

    private String statusOf(String caseId, String asOf) {
        return http.get("/api/cases/" + caseId + "?asOf=" + asOf).expect(200).read("$.status");
    }
}
