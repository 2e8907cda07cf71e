package org.casetracker.app.courtlistener;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

/** The fields of a CourtListener v4 docket object the import uses; the others are ignored. */
record CourtListenerDocket(Long id, String courtId, String docketNumber, String caseName, LocalDate dateFiled,
                           String assignedTo, String absoluteUrl, String resourceUri) {

    static CourtListenerDocket read(JsonNode docket) {
        String at = "docket.";
        String caseName = Json.text(docket, "case_name", at + "case_name")
                .or(() -> Json.text(docket, "case_name_full", at + "case_name_full"))
                .or(() -> Json.text(docket, "case_name_short", at + "case_name_short"))
                .orElse(null);
        return new CourtListenerDocket(Json.whole(docket, "id", at + "id").orElse(null),
                Json.requiredText(docket, "court_id", at + "court_id"),
                Json.requiredText(docket, "docket_number", at + "docket_number"), caseName,
                Json.date(docket, "date_filed", at + "date_filed").orElse(null),
                Json.text(docket, "assigned_to_str", at + "assigned_to_str").orElse(null),
                Json.text(docket, "absolute_url", at + "absolute_url").orElse(null),
                Json.text(docket, "resource_uri", at + "resource_uri").orElse(null));
    }
}
