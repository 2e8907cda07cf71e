package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.ResolvedHistory.Dated;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dated events of a case in legal order, resolved by the same {@link ResolvedHistory} as the case
 * file: corrections applied, retracted entries and their effects left out.
 */
public final class CaseTimeline {

    private CaseTimeline() {
    }

    /** Every dated event on or before {@code asOf} (null: all), as known at {@code knownAt} (null: now). */
    public static List<TimelineEntry> timeline(List<RecordedEvent> events, LocalDate asOf, Instant knownAt) {
        ResolvedHistory history = ResolvedHistory.of(events, knownAt);
        return history.upTo(asOf).stream()
                .map(dated -> entry(dated, history))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * What changed after {@code from} up to and including {@code to}: exactly the events that make the
     * case as of {@code to} differ from the case as of {@code from}.
     */
    public static List<TimelineEntry> changes(List<RecordedEvent> events, LocalDate from, LocalDate to,
                                              Instant knownAt) {
        return timeline(events, to, knownAt).stream()
                .filter(entry -> entry.legalDate().isAfter(from))
                .toList();
    }

    private static Optional<TimelineEntry> entry(Dated dated, ResolvedHistory history) {
        DocketEvent event = dated.recorded().event();
        if (history.isUndoneEffect(event)) {
            return Optional.empty();
        }
        if (event instanceof FilingRecorded filing) {
            if (history.retractionOf(filing.filingId()).isPresent()) {
                return Optional.empty();
            }
            FilingRecorded corrected = history.asCorrected(filing);
            return Optional.of(entry(dated, ChangeKind.FILING_ADDED, filing.filingId().value(),
                    corrected.type().name(), null, EventSummaries.summary(corrected), corrected.source()));
        }
        if (event instanceof CaseOpened opened) {
            return Optional.of(entry(dated, ChangeKind.CASE_OPENED, opened.caseId().value(), "OPEN", null,
                    EventSummaries.summary(event), opened.source()));
        }
        if (event instanceof ClaimAsserted asserted) {
            return Optional.of(entry(dated, ChangeKind.CLAIM_ASSERTED, asserted.claimId().value(), "PENDING",
                    asserted.assertedIn(), EventSummaries.summary(event), asserted.source()));
        }
        if (event instanceof MotionDecided decided) {
            return Optional.of(entry(dated, ChangeKind.MOTION_DECIDED, decided.filingId().value(),
                    decided.outcome().name(), decided.byFiling(), EventSummaries.summary(event), decided.source()));
        }
        if (event instanceof FindingRecorded found) {
            return Optional.of(entry(dated, ChangeKind.FINDING_MADE, found.claimId().value(), found.finding().name(),
                    found.byFiling(), EventSummaries.summary(event), found.source()));
        }
        if (event instanceof ClaimDisposed disposed) {
            return Optional.of(entry(dated, ChangeKind.CLAIM_DISPOSED, disposed.claimId().value(),
                    disposed.disposition().name(), disposed.byFiling(), EventSummaries.summary(event),
                    disposed.source()));
        }
        if (event instanceof CaseClosed closed) {
            return Optional.of(entry(dated, ChangeKind.CASE_CLOSED, closed.caseId().value(),
                    closed.disposition().name(), closed.byFiling(), EventSummaries.summary(event), closed.source()));
        }
        if (event instanceof CaseReopened reopened) {
            return Optional.of(entry(dated, ChangeKind.CASE_REOPENED, reopened.caseId().value(), "OPEN",
                    reopened.byFiling(), EventSummaries.summary(event), reopened.source()));
        }
        if (event instanceof CaseLinked linked) {
            return Optional.of(entry(dated, ChangeKind.CASE_LINKED, linked.otherCaseId().value(),
                    linked.relation().name(), linked.byFiling(), EventSummaries.summary(event), linked.source()));
        }
        return Optional.empty();
    }

    private static TimelineEntry entry(Dated dated, ChangeKind kind, String subject, String value, FilingId byFiling,
                                       String summary, org.casetracker.domain.shared.Source source) {
        RecordedEvent recorded = dated.recorded();
        return new TimelineEntry(recorded.eventId(), recorded.position(), dated.on(), recorded.recordedAt(), kind,
                subject, value, byFiling == null ? null : byFiling.value(), summary, source);
    }
}
