package org.casetracker.app.timeline;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.domain.casefile.CaseTimeline;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The case over time: its timeline, and what changed between two legal dates. */
@RestController
public class TimelineController {

    private final CaseFiles caseFiles;
    private final Clock clock;

    public TimelineController(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    // no "produces": then this JSON answer is the one chosen for no Accept and for */*, the calendar only when asked for
    @GetMapping("/api/cases/{caseId}/timeline")
    public Timeline timeline(@PathVariable String caseId,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        Instant moment = knownAt == null ? clock.instant() : knownAt;
        return new Timeline(caseId, day, moment, CaseTimeline.timeline(eventsOf(caseId), day, moment));
    }

    /** The same timeline as an iCalendar file ({@code Accept: text/calendar}): one all-day event per dated event. */
    @GetMapping(path = "/api/cases/{caseId}/timeline", produces = TimelineCalendar.MEDIA_TYPE)
    public ResponseEntity<byte[]> timelineCalendar(@PathVariable String caseId,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        Timeline timeline = timeline(caseId, asOf, knownAt);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(caseId + "-timeline-" + timeline.asOf() + ".ics").build().toString())
                .body(TimelineCalendar.of(timeline));
    }

    @GetMapping("/api/cases/{caseId}/changes")
    public Changes changes(@PathVariable String caseId,
                           @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                           @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        if (to.isBefore(from)) {
            throw DocketRuleViolation.invalid("to", "is before from");
        }
        Instant moment = knownAt == null ? clock.instant() : knownAt;
        return new Changes(caseId, from, to, moment, CaseTimeline.changes(eventsOf(caseId), from, to, moment));
    }

    private List<RecordedEvent> eventsOf(String caseId) {
        List<RecordedEvent> events = caseFiles.eventsOf(caseId);
        if (events.isEmpty()) {
            throw new CaseNotFound(caseId);
        }
        return events;
    }
}
