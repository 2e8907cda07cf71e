package org.casetracker.app.timeline;

import org.casetracker.domain.casefile.TimelineEntry;
import org.casetracker.domain.shared.Slugs;
import org.casetracker.domain.shared.Source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The timeline as an iCalendar file (RFC 5545): each dated event an all-day {@code VEVENT} on its legal date.
 * The UID is the stored event's id (and the change it made), so a calendar that imports the file again updates
 * rather than duplicates; DTSTAMP is when the tracker recorded the event. Text is escaped, lines end in CRLF and
 * are folded at 75 octets (never inside a UTF-8 character).
 */
final class TimelineCalendar {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private TimelineCalendar() {
    }

    static byte[] of(Timeline timeline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//casetracker//case timeline//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape(timeline.caseId() + " as of " + timeline.asOf()));
        for (TimelineEntry entry : timeline.events()) {
            if (entry.legalDate() != null) {
                event(out, entry);
            }
        }
        line(out, "END:VCALENDAR");
        return out.toByteArray();
    }

    private static void event(ByteArrayOutputStream out, TimelineEntry entry) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(entry));
        line(out, "DTSTAMP:" + STAMP.format(entry.recordedAt()));
        line(out, "DTSTART;VALUE=DATE:" + DAY.format(entry.legalDate()));
        line(out, "DTEND;VALUE=DATE:" + DAY.format(entry.legalDate().plusDays(1)));
        line(out, "SUMMARY:" + escape(entry.summary() == null ? entry.kind() + " " + entry.subject() : entry.summary()));
        line(out, "DESCRIPTION:" + escape(description(entry)));
        line(out, "END:VEVENT");
    }

    static String uid(TimelineEntry entry) {
        String change = Slugs.slug(entry.kind() + " " + (entry.subject() == null ? "" : entry.subject()));
        return entry.eventId() + "-" + change + "@casetracker";
    }

    private static String description(TimelineEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append(entry.kind()).append(": ").append(entry.subject());
        if (entry.value() != null) {
            text.append(" = ").append(entry.value());
        }
        if (entry.byFiling() != null) {
            text.append("\nBy filing: ").append(entry.byFiling());
        }
        Source source = entry.source();
        if (source != null) {
            text.append("\nSource: ").append(source.citation()).append(" (").append(source.verification()).append(')');
        }
        return text.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Writes one content line, folded (RFC 5545 §3.1): at most 75 octets a line, continuations begin with a space. */
    private static void line(ByteArrayOutputStream out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            if (octets + bytes.length > MAX_OCTETS) {
                out.writeBytes(new byte[]{'\r', '\n', ' '});
                octets = 1;
            }
            out.writeBytes(bytes);
            octets += bytes.length;
            i += Character.charCount(codePoint);
        }
        out.writeBytes(new byte[]{'\r', '\n'});
    }
}
