package org.casetracker.app.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The researcher's page over HTTP: what it shows at which cut-offs, its refusals as readable pages with the right
 * status, and recording through its form (signed in, with the CSRF token) through the REST API's own write path.
 */
class PageHttpTest extends RecordedAppTest {

    private static final String MOTION = FEDERAL + "-dkt-2";

    private PageSession browser() {
        return new PageSession(port);
    }

    @Test
    void theHomePageListsTheCasesAsLinks() {
        HttpResponse<String> home = browser().get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        for (String caseId : new String[]{FEDERAL, STATE, REMOVAL}) {
            assertThat(home.body()).contains("href=\"/cases/" + caseId + "\"");
        }
        // as of a date before the removal was filed it is not listed; the links keep the date
        String early = browser().get("/?asOf=2021-01-15").body();
        assertThat(early).contains("href=\"/cases/" + FEDERAL + "?asOf=2021-01-15\"").doesNotContain(REMOVAL);
    }

    @Test
    void thePageIsNoPartOfTheApiDocument() {
        Map<String, Object> paths = http.get("/v3/api-docs").expect(200).read("$.paths");
        assertThat(paths.keySet()).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void theMotionIsPendingBeforeTheOrderAndDeniedAfterIt() {
        String before = browser().get("/cases/" + FEDERAL + "?asOf=2021-01-15").body();
        assertThat(row(before, MOTION)).contains(">PENDING<").doesNotContain("DENIED");
        assertThat(before).contains("id=\"shown-as-of\"").contains(">2021-01-15</time>")
                .doesNotContain("id=\"" + FEDERAL + "-dkt-34\"");

        String after = browser().get("/cases/" + FEDERAL + "?asOf=2021-01-22").body();
        assertThat(row(after, MOTION)).contains(">DENIED<").contains("href=\"#" + FEDERAL + "-dkt-34\"");
        assertThat(row(after, FEDERAL + "-dkt-34")).contains("Order denying").contains("v-VERIFIED");
        // the findings of that order on the claims, and the claims still pending
        assertThat(row(after, FEDERAL + "-count-1")).contains("NOT_LIKELY_TO_SUCCEED").contains(">PENDING<");
    }

    @Test
    void thePageShowsTheHeaderTimelineAndAuditTrail() {
        String page = browser().get("/cases/" + FEDERAL).body();
        assertThat(page).contains("Parler LLC v. Amazon Web Services, Inc.", "2:21-cv-00031", "Rothstein",
                "PLAINTIFF", "DEFENDANT", "VOLUNTARILY_DISMISSED");
        // the timeline is a picture with a title and a description, and its events also in words
        assertThat(page).contains("<svg", "role=\"img\"", "id=\"timeline-svg-title\"", "id=\"timeline-svg-desc\"",
                "class=\"dot\"", "The timeline in words");
        // the audit trail: who recorded, the event, its hash
        assertThat(page).contains("id=\"audit-table\"", ">system<", "FilingRecorded");
        assertThat(Pattern.compile("<code title=\"[0-9a-f]{64}\">[0-9a-f]{12}…</code>").matcher(page).find()).isTrue();
        // sources carry their verification level; an estimated date is marked (entries 20-64 of the removal)
        assertThat(page).contains("v-VERIFIED", "v-SECONDARY");
        assertThat(row(browser().get("/cases/" + REMOVAL).body(), REMOVAL + "-dkt-20")).contains("class=\"estimated\"");
        // the state case links to the removal it became
        String state = browser().get("/cases/" + STATE + "?asOf=2021-03-10").body();
        assertThat(state).contains("href=\"/cases/" + REMOVAL + "?asOf=2021-03-10\"");
    }

    @Test
    void theDocketFiltersByTypeAndDate() {
        String orders = browser().get("/cases/" + FEDERAL + "?type=ORDER").body();
        assertThat(orders).contains("id=\"" + FEDERAL + "-dkt-34\"").doesNotContain("id=\"" + MOTION + "\"");
        String window = browser().get("/cases/" + FEDERAL + "?from=2021-01-11&to=2021-01-11").body();
        assertThat(window).contains("id=\"" + MOTION + "\"").doesNotContain("id=\"" + FEDERAL + "-dkt-34\"");
    }

    @Test
    void knownAtShowsWhatWasRecordedByThen() {
        // before the record was loaded the tracker knew no case at all
        HttpResponse<String> unknownThen = browser().get("/cases/" + FEDERAL + "?knownAt=2020-01-01T00:00:00Z");
        assertThat(unknownThen.statusCode()).isEqualTo(404);
        assertThat(unknownThen.body()).contains("no case " + FEDERAL);
        // the browser's date-time control sends no zone: read as UTC
        String page = browser().get("/cases/" + FEDERAL + "?asOf=2021-01-22&knownAt="
                + recordLoadedBy.plusSeconds(1).toString().replaceAll("(\\.\\d+)?Z$", "")).body();
        assertThat(row(page, MOTION)).contains(">DENIED<");
        assertThat(page).contains("id=\"shown-known-at\"");
    }

    @Test
    void refusalsAreReadablePagesWithTheirStatus() {
        expectPage(browser().get("/cases/no-such-case"), 404, "no case no-such-case");
        expectPage(browser().get("/cases/" + FEDERAL + "?asOf=2021-13-45"), 400, "asOf");
        expectPage(browser().get("/cases/" + FEDERAL + "?knownAt=yesterday"), 400, "knownAt");
        expectPage(browser().get("/cases/" + FEDERAL + "?type=LETTER"), 400, "type");
        expectPage(browser().get("/cases/" + FEDERAL + "?from=2021-02-01&to=2021-01-01"), 400, "is before from");
        expectPage(browser().get("/?asOf=soon"), 400, "asOf");
        // a case not yet filed on the date asked about
        expectPage(browser().get("/cases/" + REMOVAL + "?asOf=2021-01-15"), 404, "as of 2021-01-15");
    }

    @Test
    void readersSeeNoFormAndAnonymousPostsAreRefused() {
        String page = browser().get("/cases/" + FEDERAL).body();
        assertThat(page).doesNotContain("id=\"record-form\"").contains("href=\"/login\"");
        long events = storedEvents();
        // a script (no text/html) gets the API's 401; a browser is sent to sign in
        HttpResponse<String> script = new PageSession(port).post("/cases/" + FEDERAL + "/filings", "title=x");
        assertThat(script.statusCode()).isIn(401, 403);
        String signedInAsReader = browser().signIn(Http.READER, Http.READER_PASSWORD).get("/cases/" + FEDERAL).body();
        assertThat(signedInAsReader).doesNotContain("id=\"record-form\"").contains("needs the RECORDER role");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aRecorderRecordsThroughTheFormAndSeesTheEntry() {
        String caseId = openCase("2022-04-01");
        PageSession recorder = browser().signIn(Http.RECORDER, Http.RECORDER_PASSWORD);
        assertThat(recorder.get("/cases/" + caseId).body()).contains("id=\"record-form\"");

        Map<String, String> fields = filing("7", "2022-04-05", "Motion to compel arbitration");
        HttpResponse<String> recorded = recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings", fields);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + caseId + "#docket");

        String page = recorder.get("/cases/" + caseId).body();
        assertThat(row(page, caseId + "-dkt-7")).contains("Motion to compel arbitration", ">PENDING<");
        assertThat(page).contains("id=\"recorded\"");
        // the same entry through the API, recorded by the signed-in user
        http.get("/api/cases/" + caseId + "/filings/" + caseId + "-dkt-7").expect(200);
        assertThat(http.get("/api/cases/" + caseId + "/history?eventType=FilingRecorded").expect(200)
                .<String>read("$.entries[0].user")).isEqualTo(Http.RECORDER);
    }

    @Test
    void signingOutEndsTheSession() {
        PageSession recorder = browser().signIn(Http.RECORDER, Http.RECORDER_PASSWORD);
        assertThat(recorder.get("/cases/" + FEDERAL).body()).contains("id=\"record-form\"");
        HttpResponse<String> out = recorder.submit("/cases/" + FEDERAL, "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(recorder.get("/login?logout").body()).contains("You are signed out.");
        assertThat(recorder.get("/cases/" + FEDERAL).body()).doesNotContain("id=\"record-form\"");
        // a wrong password is refused, and said so
        HttpResponse<String> wrong = browser().submit("/login", "/login",
                Map.of("username", Http.RECORDER, "password", "wrong"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void aRefusedFormShowsEachErrorAtItsFieldAndStoresNothing() {
        String caseId = openCase("2022-04-01");
        PageSession recorder = browser().signIn(Http.RECORDER, Http.RECORDER_PASSWORD);
        long events = storedEvents();

        // the write path's own rule: a title is required
        HttpResponse<String> noTitle = recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings",
                filing("3", "2022-04-05", ""));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertErrorAt(noTitle.body(), "title");
        assertThat(noTitle.body()).contains("value=\"2022-04-05\""); // what was typed stays

        // the form's own reading of text: an entry number that is no number
        assertErrorAt(recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings",
                filing("seven", "2022-04-05", "A title")).body(), "entryNumber");
        // the REST controller's check, reused: a date that has not happened yet
        assertErrorAt(recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings",
                filing("3", "2999-01-01", "A title")).body(), "dateFiled");
        // a source is required
        Map<String, String> noSource = filing("3", "2022-04-05", "A title");
        noSource.put("citation", "");
        assertErrorAt(recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings", noSource).body(),
                "citation");
        // a conflict: an entry number already on the docket
        record(caseId, "\"entryNumber\": 4, \"dateFiled\": \"2022-04-02\", \"filedBy\": \"Court\", "
                + "\"type\": \"ORDER\", \"title\": \"Scheduling order\"");
        long afterOrder = storedEvents();
        HttpResponse<String> taken = recorder.submit("/cases/" + caseId, "/cases/" + caseId + "/filings",
                filing("4", "2022-04-05", "A title"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertErrorAt(taken.body(), "entryNumber");
        assertThat(storedEvents()).isEqualTo(afterOrder);
        assertThat(afterOrder).isGreaterThan(events);

        // without the form's CSRF token the post is refused and changes nothing
        HttpResponse<String> forged = recorder.post("/cases/" + caseId + "/filings",
                "entryNumber=9&dateFiled=2022-04-05&type=MOTION&filedBy=X&title=Forged&citation=c&verification=VERIFIED");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token");
        assertThat(storedEvents()).isEqualTo(afterOrder);
    }

    private static Map<String, String> filing(String entryNumber, String dateFiled, String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("entryNumber", entryNumber);
        fields.put("dateFiled", dateFiled);
        fields.put("type", "MOTION");
        fields.put("filedBy", "Defendant Inc.");
        fields.put("title", title);
        fields.put("citation", "https://example.org/docket (page test)");
        fields.put("verification", "VERIFIED");
        return fields;
    }

    /** The message is at the field: shown beside it, and the control points at it with aria-describedby. */
    private static void assertErrorAt(String page, String field) {
        assertThat(page).contains("id=\"error-summary\"");
        Matcher error = Pattern.compile("<span class=\"field-error\" id=\"" + field + "-error\">([^<]+)</span>")
                .matcher(page);
        assertThat(error.find()).as("an error shown at " + field).isTrue();
        assertThat(error.group(1)).isNotBlank();
        assertThat(page).containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"" + field + "-error\""
                + "|aria-describedby=\"" + field + "-error\"[^>]*id=\"" + field + "\"");
    }

    private static void expectPage(HttpResponse<String> page, int status, String detail) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-detail\"").contains(detail).contains("href=\"/\"");
    }

    /** The table row with this id (a docket entry, a claim). */
    static String row(String page, String id) {
        int start = page.indexOf("<tr id=\"" + id + "\"");
        if (start < 0) {
            start = page.indexOf("id=\"" + id + "\"");
        }
        assertThat(start).as("a row " + id).isNotNegative();
        int end = page.indexOf("</tr>", start);
        return page.substring(start, end);
    }
}
