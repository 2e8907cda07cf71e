package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes the REST contract. */
class OpenApiDocsHttpTest extends RecordedAppTest {

    @Test
    void theApiDocsListTheCasePaths() {
        Reply docs = http.get("/v3/api-docs").expect(200);
        assertThat(docs.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat((String) docs.read("$.openapi")).startsWith("3.");
        Map<String, Map<String, Object>> paths = docs.read("$.paths");
        assertThat(paths).containsKeys(
                "/api/cases",
                "/api/cases/{caseId}",
                "/api/cases/{caseId}/claims",
                "/api/cases/{caseId}/filings",
                "/api/cases/{caseId}/history",
                "/api/cases/{caseId}/filings/{filingId}/corrections",
                "/api/cases/{caseId}/filings/{filingId}/retraction");
        assertThat(paths.get("/api/cases")).containsKeys("get", "post");
        assertThat(paths.get("/api/cases/{caseId}/filings")).containsKeys("get", "post");
    }

    @Test
    void theDocketAndTheTimelineListTheFormatsTheyAreServedIn() {
        Reply docs = http.get("/v3/api-docs").expect(200);
        Map<String, Object> docket = docs.read("$.paths['/api/cases/{caseId}/filings'].get.responses['200'].content");
        Map<String, Object> timeline = docs.read("$.paths['/api/cases/{caseId}/timeline'].get.responses['200'].content");
        assertThat(docket).containsKeys("application/json", "text/csv");
        assertThat(timeline).containsKeys("application/json", "text/calendar");
        assertThat(docs.read("$.paths['/api/import/courtlistener'].post.responses") != null).isTrue();
    }
}
