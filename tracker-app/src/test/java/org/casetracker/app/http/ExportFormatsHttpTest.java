package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.TimeTravelHttpTest.assertProblem;

/**
 * The docket as CSV ({@code Accept: text/csv}) and the timeline as iCalendar ({@code Accept: text/calendar}),
 * compared with the JSON answers at the same cut. The test reads both formats with small parsers of its own.
 */
@SuppressWarnings("unchecked")
class ExportFormatsHttpTest extends RecordedAppTest {

    private static final List<String> HEADER = List.of("id", "entryNumber", "dateFiled", "dateFiledEstimated", "type",
            "title", "description", "filedBy", "pageCount", "status", "decidedOn", "retracted", "sourceCitation",
            "sourceVerification");

    // --- CSV -----------------------------------------------------------------------------------------------------

    @Test
    void theDocketAsCsvHasAHeaderAndOneRowPerEntryOfTheJsonDocketAtTheSameCut() {
        for (String query : List.of("", "?asOf=2021-01-12", "?asOf=2021-01-15", "?asOf=2021-01-22",
                "?type=MOTION", "?from=2021-01-12&to=2021-01-21", "?includeRetracted=true",
                "?knownAt=" + recordLoadedBy)) {
            String path = "/api/cases/" + FEDERAL + "/filings" + query;
            List<Map<String, Object>> json = http.get(path).expect(200).read("$.filings");
            Reply csv = csv(path);

            List<List<String>> rows = parseCsv(csv.body());
            assertThat(rows.get(0)).isEqualTo(HEADER);
            List<Map<String, String>> records = records(rows);
            assertThat(records).as(query).hasSize(json.size());
            for (int i = 0; i < json.size(); i++) {
                Map<String, Object> filing = json.get(i);
                Map<String, String> row = records.get(i);
                assertThat(row.get("id")).isEqualTo(filing.get("id"));
                assertThat(row.get("entryNumber")).isEqualTo(text(filing.get("entryNumber")));
                assertThat(row.get("dateFiled")).isEqualTo(filing.get("dateFiled"));
                assertThat(row.get("type")).isEqualTo(filing.get("type"));
                assertThat(row.get("title")).isEqualTo(filing.get("title"));
                assertThat(row.get("description")).isEqualTo(text(filing.get("description")));
                assertThat(row.get("status")).isEqualTo(text(filing.get("status")));
                assertThat(row.get("retracted")).isEqualTo(text(filing.get("retracted")));
                Map<String, Object> source = (Map<String, Object>) filing.get("source");
                assertThat(row.get("sourceCitation")).isEqualTo(source.get("citation"));
                assertThat(row.get("sourceVerification")).isEqualTo(source.get("verification"));
            }
        }
    }

    @Test
    void asOfChangesTheRowsAsItChangesTheDocket() {
        String path = "/api/cases/" + FEDERAL + "/filings";
        List<Map<String, String>> beforeTheOrder = records(parseCsv(csv(path + "?asOf=2021-01-15").body()));
        List<Map<String, String>> afterTheOrder = records(parseCsv(csv(path + "?asOf=2021-01-22").body()));

        assertThat(beforeTheOrder).extracting(r -> r.get("id")).doesNotContain(FEDERAL + "-dkt-34");
        assertThat(afterTheOrder).extracting(r -> r.get("id")).contains(FEDERAL + "-dkt-34");
        assertThat(afterTheOrder.size()).isGreaterThan(beforeTheOrder.size());
        assertThat(beforeTheOrder).filteredOn(r -> r.get("id").equals(FEDERAL + "-dkt-2"))
                .extracting(r -> r.get("status")).containsExactly("PENDING");
        assertThat(afterTheOrder).filteredOn(r -> r.get("id").equals(FEDERAL + "-dkt-2"))
                .extracting(r -> r.get("status")).containsExactly("DENIED");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        String caseId = openCase("2022-03-01");
        String title = "Motion, \"emergency\"; to stay";
        String description = "First line, with a comma\nsecond line with \"quotes\"\r\nthird";
        String id = record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-03-02", "filedBy": "Plaintiff, Co.", "type": "MOTION",
                "title": %s, "description": %s""".formatted(jsonString(title), jsonString(description)));

        Reply csv = csv("/api/cases/" + caseId + "/filings");

        assertThat(csv.body()).contains("\"Motion, \"\"emergency\"\"; to stay\"");
        assertThat(csv.body()).endsWith("\r\n");
        List<Map<String, String>> records = records(parseCsv(csv.body()));
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("id", id).containsEntry("title", title)
                .containsEntry("description", description).containsEntry("filedBy", "Plaintiff, Co.")
                .containsEntry("entryNumber", "1").containsEntry("pageCount", "");
    }

    @Test
    void jsonStaysTheDefaultAndAnUnsupportedAcceptIsA406Problem() {
        String path = "/api/cases/" + FEDERAL + "/filings";
        assertThat(http.get(path).expect(200).contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(http.with("Accept", "*/*").get(path).expect(200).contentType()
                .isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(http.with("Accept", "application/json").get("/api/cases/" + FEDERAL + "/timeline").expect(200)
                .contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();

        assertProblem(http.with("Accept", "application/xml").get(path).expect(406), 406);
        assertProblem(http.with("Accept", "application/xml").get("/api/cases/" + FEDERAL + "/timeline")
                .expect(406), 406);
        assertProblem(http.with("Accept", "text/csv").get("/api/cases/no-such-case/filings").expect(404), 404);
        assertProblem(http.with("Accept", "text/csv").get(path + "?asOf=yesterday").expect(400), 400);
        assertProblem(http.with("Accept", "text/calendar").get("/api/cases/no-such-case/timeline").expect(404), 404);
    }

    // --- iCalendar -----------------------------------------------------------------------------------------------

    @Test
    void theTimelineAsICalendarHasOneAllDayEventPerDatedEventOfTheJsonTimeline() {
        for (String query : List.of("", "?asOf=2021-01-12", "?asOf=2021-01-22", "?knownAt=" + recordLoadedBy)) {
            String path = "/api/cases/" + FEDERAL + "/timeline" + query;
            List<Map<String, Object>> json = http.get(path).expect(200).read("$.events");
            Reply ics = http.with("Accept", "text/calendar").get(path).expect(200);
            assertThat(ics.contentType().isCompatibleWith(MediaType.parseMediaType("text/calendar"))).isTrue();

            assertWellFormed(ics.body());
            List<Map<String, String>> events = events(unfold(ics.body()));
            List<Map<String, Object>> dated = json.stream().filter(e -> e.get("legalDate") != null).toList();
            assertThat(events).as(query).hasSize(dated.size());
            Set<String> uids = new HashSet<>();
            for (int i = 0; i < dated.size(); i++) {
                Map<String, String> event = events.get(i);
                String day = ((String) dated.get(i).get("legalDate")).replace("-", "");
                assertThat(event.get("DTSTART;VALUE=DATE")).isEqualTo(day);
                assertThat(event.get("DTEND;VALUE=DATE"))
                        .isEqualTo(java.time.LocalDate.parse((String) dated.get(i).get("legalDate")).plusDays(1)
                                .toString().replace("-", ""));
                assertThat(event.get("DTSTAMP")).matches("\\d{8}T\\d{6}Z");
                assertThat(event.get("UID")).startsWith((String) dated.get(i).get("eventId"));
                assertThat(uids.add(event.get("UID"))).as("UIDs are unique").isTrue();
                Map<String, Object> source = (Map<String, Object>) dated.get(i).get("source");
                if (source != null) {
                    assertThat(unescape(event.get("DESCRIPTION"))).contains("Source: " + source.get("citation"));
                }
            }
        }
        List<Map<String, String>> early = events(unfold(http.with("Accept", "text/calendar")
                .get("/api/cases/" + FEDERAL + "/timeline?asOf=2021-01-12").expect(200).body()));
        List<Map<String, String>> later = events(unfold(http.with("Accept", "text/calendar")
                .get("/api/cases/" + FEDERAL + "/timeline?asOf=2021-01-22").expect(200).body()));
        assertThat(later.size()).as("asOf is honoured").isGreaterThan(early.size());
        assertThat(early).extracting(e -> e.get("DTSTART;VALUE=DATE")).allMatch(d -> d.compareTo("20210112") <= 0);
        // the same event keeps its UID from one export to the next
        assertThat(later.stream().map(e -> e.get("UID")).toList())
                .containsAll(early.stream().map(e -> e.get("UID")).toList());
    }

    @Test
    void textIsEscapedAndLongLinesAreFoldedWithoutSplittingACharacter() {
        String caseId = openCase("2022-03-01");
        String title = "Order, in part; granting \\ relief — «ünïcödé» " + "long title ".repeat(12);
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-03-02", "filedBy": "Court", "type": "ORDER",
                "title": %s""".formatted(jsonString(title)));

        String ics = http.with("Accept", "text/calendar").get("/api/cases/" + caseId + "/timeline").expect(200).body();

        assertWellFormed(ics);
        List<String> lines = unfold(ics);
        List<Map<String, String>> events = events(lines);
        assertThat(events).hasSize(2); // the case opened, the order filed
        String summary = events.get(1).get("SUMMARY");
        assertThat(summary).contains("Order\\, in part\\; granting \\\\ relief");
        assertThat(unescape(summary)).contains(title.strip());
        assertThat(ics.lines().anyMatch(line -> line.startsWith(" "))).as("a long line was folded").isTrue();
    }

    /** CRLF only, at most 75 octets a line, a calendar around its events, the properties RFC 5545 requires. */
    private static void assertWellFormed(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        List<String> lines = unfold(ics);
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0");
        assertThat(lines).anyMatch(line -> line.startsWith("PRODID:"));
        assertThat(lines.stream().filter("BEGIN:VEVENT"::equals).count())
                .isEqualTo(lines.stream().filter("END:VEVENT"::equals).count());
    }

    /** RFC 5545 §3.1: a line that begins with a space or tab continues the one before. */
    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String physical : ics.split("\r\n")) {
            if ((physical.startsWith(" ") || physical.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        return lines;
    }

    private static List<Map<String, String>> events(List<String> lines) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Reply csv(String path) {
        Reply reply = http.with("Accept", "text/csv").get(path).expect(200);
        assertThat(reply.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(reply.contentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        return reply;
    }

    /** RFC 4180: fields split by commas, rows by CRLF; a quoted field may hold both, and "" is a quote. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break outside quotes").isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(quoted).as("an unterminated quote").isFalse();
        assertThat(field.length() + row.size()).as("the last row ends in CRLF").isZero();
        return rows;
    }

    private static List<Map<String, String>> records(List<List<String>> rows) {
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSameSizeAs(header);
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                record.put(header.get(i), row.get(i));
            }
            records.add(record);
        }
        return records;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                + "\"";
    }
}
