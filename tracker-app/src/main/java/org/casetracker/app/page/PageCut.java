package org.casetracker.app.page;

import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The two cut-offs a page shows, read from its URL ({@code ?asOf=2021-01-15&knownAt=2021-02-01T00:00:00Z}) so that a
 * link can be shared. {@code knownAt} also takes what a browser's date-time control sends (no zone: read as UTC).
 * Blank means not given: the page then shows today, as known now ({@code live}).
 */
public record PageCut(LocalDate asOf, Instant knownAt, boolean asOfGiven, boolean knownAtGiven) {

    /** What a {@code datetime-local} control shows and sends (UTC, to the second). */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    static PageCut of(String asOf, String knownAt, Clock clock) {
        LocalDate day = date("asOf", asOf);
        Instant moment = instant(knownAt);
        return new PageCut(day == null ? LocalDate.now(clock) : day, moment == null ? clock.instant() : moment,
                day != null, moment != null);
    }

    public boolean live() {
        return !asOfGiven && !knownAtGiven;
    }

    /** The moment shown on the page: to the second (the URL keeps what was asked). */
    public String knownAtShown() {
        return knownAt.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The value of the page's knownAt control. */
    public String knownAtControl() {
        return LOCAL.format(knownAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** The cut-offs as given, for links from this page that should keep them (related cases, filters). */
    UriComponentsBuilder keep(UriComponentsBuilder link) {
        if (asOfGiven) {
            link.queryParam("asOf", asOf);
        }
        if (knownAtGiven) {
            link.queryParam("knownAt", knownAt);
        }
        return link;
    }

    public String link(String path) {
        return keep(UriComponentsBuilder.fromPath(path)).encode().toUriString();
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DocketRuleViolation.invalid(field, "cannot read '" + value + "': expected a date such as 2021-01-21");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw DocketRuleViolation.invalid("knownAt", "cannot read '" + value
                        + "': expected an instant such as 2021-01-21T18:00:00Z");
            }
        }
    }
}
