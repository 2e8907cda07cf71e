package org.casetracker.app.http;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.TimeTravelHttpTest.assertProblem;

/**
 * {@code POST /api/import/courtlistener} with pages written from CourtListener's documented v4 schema
 * ({@code src/test/resources/courtlistener}): each test gives the fixture's docket a docket number of its own, so
 * it imports a case no other test holds.
 */
@SuppressWarnings("unchecked")
class CourtListenerImportHttpTest extends RecordedAppTest {

    private static final String IMPORT = "/api/import/courtlistener";

    @Test
    void aNewDocketBecomesACaseAndItsDatedEntriesFilingsSourcedToCourtListener() {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);

        Reply reply = http.post(IMPORT, page.jsonString()).expect(201);

        assertThat(reply.location()).isEqualTo("/api/cases/" + caseId);
        assertThat((Boolean) reply.read("$.caseOpened")).isTrue();
        assertThat((Integer) reply.read("$.recordedCount")).isEqualTo(3);
        assertThat((List<String>) reply.read("$.recorded[*].id"))
                .containsExactly(caseId + "-dkt-1", caseId + "-dkt-2", caseId + "-cl-2021-01-14-001");
        assertThat((List<Boolean>) reply.read("$.recorded[*].typeInferred")).containsOnly(true);
        assertThat((Integer) reply.read("$.skippedCount")).isEqualTo(1);
        assertThat((String) reply.read("$.skipped[0].entry")).isEqualTo("entries.results[3]");
        assertThat((String) reply.read("$.skipped[0].reason")).contains("no date_filed");
        assertThat((String) reply.read("$.next")).contains("cursor=");

        Reply theCase = http.get("/api/cases/" + caseId).expect(200);
        assertThat((String) theCase.read("$.caption")).isEqualTo("Example Social LLC v. Example Cloud, Inc.");
        assertThat((String) theCase.read("$.filedOn")).isEqualTo("2021-01-11");
        assertThat((String) theCase.read("$.judge")).isEqualTo("Jane Q. Judge");
        assertThat((List<String>) theCase.read("$.parties[*].role")).containsExactly("PLAINTIFF", "DEFENDANT");
        assertThat((List<String>) theCase.read("$.parties[*].name"))
                .containsExactly("Example Social LLC", "Example Cloud, Inc.");
        assertThat((String) theCase.read("$.source.citation"))
                .isEqualTo("https://www.courtlistener.com/docket/99000001/example-social-llc-v-example-cloud-inc/");
        assertThat((String) theCase.read("$.source.verification")).isEqualTo("SECONDARY");

        List<Map<String, Object>> filings = http.get("/api/cases/" + caseId + "/filings").expect(200)
                .read("$.filings");
        assertThat(filings).extracting(f -> f.get("id"), f -> f.get("entryNumber"), f -> f.get("type"),
                        f -> f.get("dateFiled"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(caseId + "-dkt-1", 1, "COMPLAINT", "2021-01-11"),
                        org.assertj.core.groups.Tuple.tuple(caseId + "-dkt-2", 2, "MOTION", "2021-01-11"),
                        org.assertj.core.groups.Tuple.tuple(caseId + "-cl-2021-01-14-001", null, "MINUTE_ENTRY",
                                "2021-01-14"));
        Map<String, Object> complaint = filings.get(0);
        assertThat((Map<String, Object>) complaint.get("source")).containsEntry("citation",
                "https://www.courtlistener.com/api/rest/v4/docket-entries/5001/").containsEntry("verification",
                "SECONDARY");
        assertThat(complaint.get("pageCount")).isEqualTo(18);
        assertThat((String) complaint.get("title")).startsWith("COMPLAINT for Injunctive Relief");
        assertThat((String) complaint.get("description"))
                .contains("inferred from the docket text")
                .contains("Document number 1.")
                .contains("Attachments:\n- #1 Civil Cover Sheet (2 pages)")
                .contains("- #2 Summons (1 pages)");
        assertThat(filings.get(1).get("filedBy")).isEqualTo("Plaintiff Example Social LLC");
        assertThat(filings.get(1).get("status")).as("an imported motion is pending until an order decides it")
                .isEqualTo("PENDING");
        assertThat(filings.get(2).get("filedBy")).isEqualTo("Court");

        List<Map<String, Object>> history = http.get("/api/cases/" + caseId + "/history?size=50").expect(200)
                .read("$.entries");
        assertThat(history).extracting(e -> e.get("user")).containsOnly(Http.ADMIN);
    }

    @Test
    void importingTheSamePageAgainAddsNothing() {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);
        http.post(IMPORT, page.jsonString()).expect(201);
        long events = storedEvents();
        long history = historySize(caseId);

        Reply again = http.post(IMPORT, page.jsonString()).expect(200);

        assertThat((Boolean) again.read("$.caseOpened")).isFalse();
        assertThat((Integer) again.read("$.recordedCount")).isZero();
        assertThat((Integer) again.read("$.skippedCount")).isEqualTo(4);
        assertThat((List<String>) again.read("$.skipped[*].reason")).filteredOn(r -> r.startsWith("already"))
                .hasSize(3);
        assertThat((List<String>) again.read("$.skipped[*].id")).contains(caseId + "-cl-2021-01-14-001");
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(historySize(caseId)).isEqualTo(history);
        assertThat(docketSize(caseId)).isEqualTo(3);
    }

    @Test
    void aNewerPageAddsOnlyItsNewEntries() {
        String docketNumber = uniqueDocketNumber();
        DocumentContext first = page("page-1.json", docketNumber);
        String caseId = caseIdOf(first);
        http.post(IMPORT, first.jsonString()).expect(201);

        Reply newer = http.post(IMPORT, page("page-2-newer.json", docketNumber).jsonString()).expect(201);

        assertThat((Boolean) newer.read("$.caseOpened")).isFalse();
        assertThat((List<String>) newer.read("$.recorded[*].id"))
                .containsExactly(caseId + "-dkt-4", caseId + "-cl-2021-01-22-002");
        assertThat((List<String>) newer.read("$.skipped[*].id")).containsExactlyInAnyOrder(caseId + "-dkt-1",
                caseId + "-dkt-2", caseId + "-cl-2021-01-14-001", caseId + "-dkt-3");
        List<Map<String, Object>> filings = http.get("/api/cases/" + caseId + "/filings").expect(200)
                .read("$.filings");
        assertThat(filings).extracting(f -> f.get("id")).containsExactly(caseId + "-dkt-1", caseId + "-dkt-2",
                caseId + "-cl-2021-01-14-001", caseId + "-dkt-4", caseId + "-cl-2021-01-22-002");
        assertThat(filings.get(3).get("type")).isEqualTo("ORDER");
        assertThat(filings.get(4).get("type")).as("no known docket word first: conservatively OTHER")
                .isEqualTo("OTHER");
        assertThat(filings.get(4).get("filedBy")).isEqualTo("Not stated on the CourtListener entry");

        // and the newer page once more: nothing
        long events = storedEvents();
        http.post(IMPORT, page("page-2-newer.json", docketNumber).jsonString()).expect(200);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aCaseTheTrackerHoldsIsNotReopenedAndItsNumberedEntriesAreRecognised() {
        long events = storedEvents();
        long history = historySize(FEDERAL);

        Reply reply = http.post(IMPORT, fixture("seeded-federal.json")).expect(200);

        assertThat((String) reply.read("$.caseId")).isEqualTo(FEDERAL);
        assertThat((Boolean) reply.read("$.caseOpened")).isFalse();
        assertThat((Integer) reply.read("$.recordedCount")).isZero();
        assertThat((List<String>) reply.read("$.skipped[*].id"))
                .containsExactly(FEDERAL + "-dkt-1", FEDERAL + "-dkt-2", FEDERAL + "-dkt-34");
        assertThat((List<String>) reply.read("$.skipped[*].reason")).allMatch(r -> r.startsWith("already on the "
                + "docket"));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(historySize(FEDERAL)).isEqualTo(history);
    }

    @Test
    void unnumberedEntriesAreKnownByTheirRecapSequenceNumberAndOthersAreSkippedWithTheReason() {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);
        page.set("$.entries.results[0].entry_number", 0); // CourtListener's zero: not a docket number here
        page.delete("$.entries.results[1].recap_sequence_number");
        page.set("$.entries.results[1].entry_number", null); // neither number nor sequence

        Reply reply = http.post(IMPORT, page.jsonString()).expect(201);

        assertThat((List<String>) reply.read("$.recorded[*].id"))
                .containsExactly(caseId + "-cl-2021-01-11-001", caseId + "-cl-2021-01-14-001");
        assertThat((List<String>) reply.read("$.skipped[*].entry"))
                .containsExactly("entries.results[1]", "entries.results[3]");
        assertThat((String) reply.read("$.skipped[0].reason")).contains("neither entry_number nor "
                + "recap_sequence_number");
        assertThat((Integer) http.get("/api/cases/" + caseId + "/filings/" + caseId + "-cl-2021-01-11-001")
                .expect(200).read("$.entryNumber")).isNull();
    }

    @Test
    void documentNumbersAreTakenAsStringsOrNumbersAndAttachmentsStayOnTheirEntry() {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);
        page.set("$.entries.results[1].recap_documents[0].document_number", 2); // a number, as older data has
        page.set("$.entries.results[0].recap_documents[2].document_type", "Attachment");

        http.post(IMPORT, page.jsonString()).expect(201);

        List<Map<String, Object>> filings = http.get("/api/cases/" + caseId + "/filings").expect(200)
                .read("$.filings");
        assertThat(filings).hasSize(3).as("attachments are not docket entries of their own");
        assertThat((String) filings.get(0).get("description")).contains("Document number 1.")
                .contains("#1 Civil Cover Sheet").contains("#2 Summons");
        assertThat((String) filings.get(1).get("description")).contains("Document number 2.");
        assertThat((String) filings.get(2).get("description")).doesNotContain("Document number");
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                bad("no court", p -> p.delete("$.docket.court_id"), "docket.court_id"),
                bad("no docket", p -> p.delete("$.docket"), "docket"),
                bad("an entry number as a string", p -> p.set("$.entries.results[0].entry_number", "1"),
                        "entries.results[0].entry_number"),
                bad("a date that does not exist", p -> p.set("$.entries.results[1].date_filed", "2021-02-30"),
                        "entries.results[1].date_filed"),
                bad("results not a list", p -> p.set("$.entries.results", "none"), "entries.results"),
                bad("no results", p -> p.delete("$.entries.results"), "entries.results"),
                bad("an unknown document type", p -> p.set("$.entries.results[0].recap_documents[0].document_type", 7),
                        "entries.results[0].recap_documents[0].document_type"),
                bad("an entry before the case was filed", p -> p.set("$.entries.results[2].date_filed", "2020-12-31"),
                        "entries.results[2].date_filed"),
                bad("an entry in the future", p -> p.set("$.entries.results[2].date_filed", "2999-01-01"),
                        "entries.results[2].date_filed"),
                bad("one entry number twice", p -> p.set("$.entries.results[1].entry_number", 1),
                        "entries.results[1].entry_number"),
                bad("no caption for a new case", p -> {
                    p.delete("$.docket.case_name");
                    p.delete("$.docket.case_name_short");
                }, "docket.case_name"),
                bad("an entry that is not an object", p -> p.set("$.entries.results[0]", 5), "entries.results[0]"));
    }

    private static Arguments bad(String what, Consumer<DocumentContext> change, String field) {
        return Arguments.of(what, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void aPayloadOffTheSchemaIsRefusedNamingTheFieldAndRecordsNothing(String what, Consumer<DocumentContext> change,
                                                                        String field) {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);
        change.accept(page);
        long events = storedEvents();

        Reply reply = http.post(IMPORT, page.jsonString()).expect(400);

        assertProblem(reply, 400);
        assertThat((String) reply.read("$.errors[0].field")).isEqualTo(field);
        assertThat(storedEvents()).isEqualTo(events);
        http.get("/api/cases/" + caseId).expect(404);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        long events = storedEvents();
        assertProblem(http.post(IMPORT, "{\"docket\": ").expect(400), 400);
        assertProblem(http.post(IMPORT, "[]").expect(400), 400);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        DocumentContext page = page("page-1.json");
        page.set("$.docket.case_name", "x".repeat(300 * 1024));
        long events = storedEvents();
        assertProblem(http.post(IMPORT, page.jsonString()).expect(413), 413);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void onlyAnAdminImports() {
        DocumentContext page = page("page-1.json");
        String caseId = caseIdOf(page);
        long events = storedEvents();

        assertProblem(http.anonymous().post(IMPORT, page.jsonString()).expect(401), 401);
        assertProblem(http.as(Http.READER, Http.READER_PASSWORD).post(IMPORT, page.jsonString()).expect(403), 403);
        assertProblem(http.as(Http.RECORDER, Http.RECORDER_PASSWORD).post(IMPORT, page.jsonString()).expect(403),
                403);

        assertThat(storedEvents()).isEqualTo(events);
        http.get("/api/cases/" + caseId).expect(404);
        http.as(Http.ADMIN, Http.ADMIN_PASSWORD).post(IMPORT, page.jsonString()).expect(201);
    }

    private static DocumentContext page(String name) {
        return page(name, uniqueDocketNumber());
    }

    private static DocumentContext page(String name, String docketNumber) {
        DocumentContext page = JsonPath.parse(fixture(name));
        page.set("$.docket.docket_number", docketNumber);
        return page;
    }

    private static String uniqueDocketNumber() {
        return "3:21-cv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String caseIdOf(DocumentContext page) {
        String court = page.read("$.docket.court_id");
        String number = page.read("$.docket.docket_number");
        return (court + "-" + number).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String fixture(String name) {
        try (InputStream in = CourtListenerImportHttpTest.class.getResourceAsStream("/courtlistener/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
