package org.casetracker.app.courtlistener;

import org.casetracker.domain.shared.DocketRuleViolation;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/import/courtlistener}: {@code {"docket": <v4 docket>, "entries": <v4 docket-entries
 * page>}}. Read whole before anything is recorded, so a malformed field refuses the import and stores nothing.
 */
record CourtListenerPage(CourtListenerDocket docket, List<CourtListenerEntry> entries, String next) {

    static final int MAX_ENTRIES = 1_000;

    static CourtListenerPage read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DocketRuleViolation.invalid("docket", "the body is {\"docket\": {...}, \"entries\": {...}}");
        }
        CourtListenerDocket docket = CourtListenerDocket.read(Json.object(body, "docket", "docket"));
        JsonNode page = Json.object(body, "entries", "entries");
        JsonNode results = Json.array(page, "results", "entries.results")
                .orElseThrow(() -> DocketRuleViolation.invalid("entries.results", "is required (a list, may be empty)"));
        if (results.size() > MAX_ENTRIES) {
            throw DocketRuleViolation.invalid("entries.results", "at most " + MAX_ENTRIES + " entries per import");
        }
        List<CourtListenerEntry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            entries.add(CourtListenerEntry.read(results.get(i), "entries.results[" + i + "]"));
        }
        return new CourtListenerPage(docket, List.copyOf(entries),
                Json.text(page, "next", "entries.next").orElse(null));
    }
}
