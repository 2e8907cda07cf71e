package org.casetracker.app.readcase;

import org.casetracker.domain.shared.Source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The docket as CSV (RFC 4180): a header row, then one row per entry in the docket's order; CRLF line ends; a field
 * with a comma, a quote or a line break is quoted, its quotes doubled. Empty fields for what the entry lacks.
 */
final class DocketCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("id", "entryNumber", "dateFiled", "dateFiledEstimated", "type",
            "title", "description", "filedBy", "pageCount", "status", "decidedOn", "retracted", "sourceCitation",
            "sourceVerification");

    private DocketCsv() {
    }

    static byte[] of(Docket docket) {
        StringBuilder csv = new StringBuilder();
        row(csv, COLUMNS);
        for (FilingResponse filing : docket.filings()) {
            Source source = filing.source();
            row(csv, Arrays.asList(filing.id(), text(filing.entryNumber()), text(filing.dateFiled()),
                    text(filing.dateFiledEstimated()), text(filing.type()), filing.title(), filing.description(),
                    filing.filedBy(), text(filing.pageCount()), text(filing.status()), text(filing.decidedOn()),
                    text(filing.retracted()), source == null ? null : source.citation(),
                    source == null ? null : text(source.verification())));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
