package org.casetracker.app.page;

import org.casetracker.domain.casefile.ChangeKind;
import org.casetracker.domain.casefile.TimelineEntry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The case's timeline as a picture: a vertical axis with one dot per legal date and one line of text per event,
 * the space between two dates growing with the days between them (a long silence shows as a dashed stretch with
 * its length written beside it). Only coordinates are computed here; the page template draws the SVG, so the
 * picture is plain markup: printable, readable by a screen reader, with no script.
 */
public record TimelinePicture(int width, int height, int axisX, List<Day> days, List<Gap> gaps, LocalDate first,
                              LocalDate last, int events) {

    static final int WIDTH = 820;
    static final int AXIS_X = 118;
    static final int TOP = 24;
    static final int LINE = 20;
    static final int MAX_TEXT = 86;
    /** Rulings and the case's own events are drawn bold: wider letters, so fewer fit in the picture's width. */
    static final int MAX_BOLD_TEXT = 72;
    /** Silences longer than this many days are drawn dashed and labelled. */
    static final long LONG_SILENCE = 30;

    /** One legal date: its dot and the events of that day; {@code estimated} when a filing's date is estimated. */
    public record Day(LocalDate date, boolean estimated, int y, List<Mark> marks) {
    }

    /** One event: its line of text (cut to fit; the whole summary is in {@code title}), coloured by kind. */
    public record Mark(int y, String text, String title, String kind) {
    }

    /** A stretch of the axis without events. */
    public record Gap(int fromY, int toY, long days) {
        public int labelY() {
            return (fromY + toY) / 2 + 4;
        }
    }

    /** {@code estimatedFilings}: ids of filings whose date is estimated (the picture marks their days). */
    static TimelinePicture of(List<TimelineEntry> entries, Set<String> estimatedFilings) {
        List<Day> days = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        int y = TOP;
        int i = 0;
        LocalDate previous = null;
        int previousBottom = 0;
        while (i < entries.size()) {
            LocalDate date = entries.get(i).legalDate();
            if (previous != null) {
                long between = ChronoUnit.DAYS.between(previous, date);
                int space = 10 + (int) Math.min(70, Math.round(Math.sqrt(between) * 5));
                if (between > LONG_SILENCE) {
                    gaps.add(new Gap(previousBottom, y + space - 8, between));
                }
                y += space;
            }
            List<Mark> marks = new ArrayList<>();
            boolean estimated = false;
            int dayY = y;
            for (; i < entries.size() && entries.get(i).legalDate().equals(date); i++) {
                TimelineEntry entry = entries.get(i);
                estimated |= entry.byFiling() != null && estimatedFilings.contains(entry.byFiling());
                String kind = kind(entry.kind());
                marks.add(new Mark(y, cut(entry.summary(), kind), entry.summary(), kind));
                y += LINE;
            }
            days.add(new Day(date, estimated, dayY, List.copyOf(marks)));
            previous = date;
            previousBottom = y - LINE + 8;
        }
        LocalDate first = entries.isEmpty() ? null : entries.get(0).legalDate();
        return new TimelinePicture(WIDTH, y + TOP, AXIS_X, List.copyOf(days), List.copyOf(gaps), first, previous,
                entries.size());
    }

    private static String cut(String summary, String kind) {
        if (summary == null) {
            return "";
        }
        int max = kind.equals("ruling") || kind.equals("case") ? MAX_BOLD_TEXT : MAX_TEXT;
        return summary.length() <= max ? summary : summary.substring(0, max - 1) + "…";
    }

    /** Colour groups (a CSS class): what the court decided stands out from what was filed. */
    private static String kind(ChangeKind kind) {
        return switch (kind) {
            case MOTION_DECIDED, FINDING_MADE, CLAIM_DISPOSED -> "ruling";
            case CASE_OPENED, CASE_CLOSED, CASE_REOPENED, CASE_LINKED -> "case";
            case CLAIM_ASSERTED -> "claim";
            case FILING_ADDED -> "filing";
        };
    }
}
