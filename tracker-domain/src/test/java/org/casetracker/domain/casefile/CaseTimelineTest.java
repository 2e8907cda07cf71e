package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.CaseFile.ClaimView;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingChanges;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Sourced;
import org.casetracker.domain.shared.Verification;
import org.casetracker.domain.support.Entry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.casetracker.domain.casefile.ParlerDocket.DISMISSED_ON;
import static org.casetracker.domain.casefile.ParlerDocket.PI_ORDER_DATE;
import static org.casetracker.domain.support.EffectList.effects;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.KING_COUNTY;
import static org.casetracker.domain.support.Parler.KING_COUNTY_FILED;
import static org.casetracker.domain.support.Parler.REMOVAL;
import static org.casetracker.domain.support.Parler.REMOVAL_FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.count;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.kingCountyOpened;

/** The timeline of a case (its dated events in legal order) and what changed between two legal dates. */
class CaseTimelineTest {

    private static final String C = CASE.value();

    private static History wholeDocket() {
        return new History().record(ParlerDocket.opening()).record(ParlerDocket.order())
                .record(ParlerDocket.dismissal());
    }

    /** The federal docket recorded backwards: the dismissal first, the opening last. */
    private static History recordedBackwards() {
        List<DocketEvent> reversed = new ArrayList<>();
        reversed.addAll(ParlerDocket.dismissal());
        reversed.addAll(ParlerDocket.order());
        reversed.addAll(ParlerDocket.opening());
        return new History().record(reversed);
    }

    private static List<TimelineEntry> timeline(History history) {
        return CaseTimeline.timeline(history.events(), null, null);
    }

    private static List<String> lines(List<TimelineEntry> entries) {
        return entries.stream().map(e -> e.legalDate() + " " + e.kind() + " " + e.subject() + " " + e.value())
                .toList();
    }

    private static final List<String> FEDERAL_TIMELINE = List.of(
            "2021-01-11 CASE_OPENED " + C + " OPEN",
            "2021-01-11 FILING_ADDED " + C + "-dkt-1 COMPLAINT",
            "2021-01-11 CLAIM_ASSERTED " + C + "-count-1 PENDING",
            "2021-01-11 CLAIM_ASSERTED " + C + "-count-2 PENDING",
            "2021-01-11 FILING_ADDED " + C + "-dkt-2 MOTION",
            "2021-01-21 FILING_ADDED " + C + "-dkt-34 ORDER",
            "2021-01-21 MOTION_DECIDED " + C + "-dkt-2 DENIED",
            "2021-01-21 FINDING_MADE " + C + "-count-1 NOT_LIKELY_TO_SUCCEED",
            "2021-03-02 FILING_ADDED " + C + "-dkt-46 NOTICE_OF_VOLUNTARY_DISMISSAL",
            "2021-03-02 CLAIM_DISPOSED " + C + "-count-1 DISMISSED_WITHOUT_PREJUDICE",
            "2021-03-02 CASE_CLOSED " + C + " VOLUNTARILY_DISMISSED");

    @Nested
    class LegalOrder {

        @Test
        void the_timeline_lists_the_dated_events_in_legal_order_whatever_the_recording_order() {
            assertThat(lines(timeline(recordedBackwards()))).containsExactlyElementsOf(FEDERAL_TIMELINE);
            assertThat(lines(timeline(wholeDocket()))).containsExactlyElementsOf(FEDERAL_TIMELINE);
        }

        @Test
        void effects_recorded_before_their_order_take_the_order_date_and_follow_it() {
            History history = new History().record(ParlerDocket.opening())
                    .record(ParlerDocket.troDenied(), ParlerDocket.notLikelyToSucceed(), ParlerDocket.piOrder());
            List<TimelineEntry> entries = timeline(history);
            assertThat(entries).extracting(TimelineEntry::legalDate).isSorted();
            assertThat(entries).filteredOn(e -> e.legalDate().equals(PI_ORDER_DATE))
                    .extracting(TimelineEntry::kind, TimelineEntry::byFiling)
                    .containsExactly(tuple(ChangeKind.MOTION_DECIDED, dkt(34).value()),
                            tuple(ChangeKind.FINDING_MADE, dkt(34).value()),
                            tuple(ChangeKind.FILING_ADDED, null));
        }

        @Test
        void the_removed_state_case_shows_its_removal_and_its_remand() {
            FilingId notice = FilingId.numbered(REMOVAL, 1);
            FilingId remand = FilingId.numbered(REMOVAL, 69);
            History history = new History().record(kingCountyOpened())
                    .record(new CaseLinked(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, remand, day(9, 17), SOURCE),
                            new CaseReopened(KING_COUNTY, remand, day(9, 17), SOURCE))
                    .record(new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, notice, REMOVAL_FILED, SOURCE),
                            new CaseClosed(KING_COUNTY, Disposition.REMOVED, notice, REMOVAL_FILED, SOURCE));
            assertThat(CaseTimeline.timeline(history.events(), null, null))
                    .extracting(TimelineEntry::legalDate, TimelineEntry::kind, TimelineEntry::subject,
                            TimelineEntry::value, TimelineEntry::byFiling)
                    .containsExactly(
                            tuple(KING_COUNTY_FILED, ChangeKind.CASE_OPENED, KING_COUNTY.value(), "OPEN", null),
                            tuple(REMOVAL_FILED, ChangeKind.CASE_LINKED, REMOVAL.value(), "REMOVED_TO",
                                    notice.value()),
                            tuple(REMOVAL_FILED, ChangeKind.CASE_CLOSED, KING_COUNTY.value(), "REMOVED",
                                    notice.value()),
                            tuple(day(9, 17), ChangeKind.CASE_LINKED, REMOVAL.value(), "REMANDED_FROM",
                                    remand.value()),
                            tuple(day(9, 17), ChangeKind.CASE_REOPENED, KING_COUNTY.value(), "OPEN",
                                    remand.value()));
        }

        @Test
        void no_events_no_timeline() {
            assertThat(CaseTimeline.timeline(List.of(), null, null)).isEmpty();
            assertThat(CaseTimeline.changes(List.of(), FILED, DISMISSED_ON, null)).isEmpty();
        }
    }

    @Nested
    class AsOf {

        @Test
        void the_timeline_as_of_a_date_stops_at_that_date() {
            List<TimelineEntry> all = timeline(recordedBackwards());
            assertThat(CaseTimeline.timeline(recordedBackwards().events(), PI_ORDER_DATE.minusDays(1), null))
                    .extracting(TimelineEntry::kind).hasSize(5).doesNotContain(ChangeKind.MOTION_DECIDED);
            assertThat(CaseTimeline.timeline(recordedBackwards().events(), PI_ORDER_DATE, null)).hasSize(8);
            assertThat(CaseTimeline.timeline(recordedBackwards().events(), FILED.minusDays(1), null)).isEmpty();
            for (LocalDate asOf = FILED.minusDays(2); !asOf.isAfter(DISMISSED_ON.plusDays(2)); asOf = asOf.plusDays(1)) {
                LocalDate cut = asOf;
                assertThat(CaseTimeline.timeline(recordedBackwards().events(), asOf, null)).as("as of %s", asOf)
                        .isEqualTo(all.stream().filter(e -> !e.legalDate().isAfter(cut)).toList());
            }
        }
    }

    @Nested
    class Changes {

        @Test
        void the_changes_are_exactly_the_events_after_from_up_to_and_including_to() {
            History history = richHistory();
            List<TimelineEntry> all = CaseTimeline.timeline(history.events(), null, null);
            List<LocalDate> days = days(history);
            for (LocalDate from : days) {
                for (LocalDate to : days) {
                    if (to.isBefore(from)) {
                        continue;
                    }
                    assertThat(CaseTimeline.changes(history.events(), from, to, null)).as("from %s to %s", from, to)
                            .isEqualTo(all.stream().filter(e -> e.legalDate().isAfter(from)
                                    && !e.legalDate().isAfter(to)).toList());
                }
            }
        }

        @Test
        void from_the_eve_of_the_order_to_its_day_the_order_and_its_effects_changed() {
            assertThat(lines(CaseTimeline.changes(wholeDocket().events(), PI_ORDER_DATE.minusDays(1), PI_ORDER_DATE,
                    null))).containsExactlyElementsOf(FEDERAL_TIMELINE.subList(5, 8));
            assertThat(CaseTimeline.changes(wholeDocket().events(), PI_ORDER_DATE, PI_ORDER_DATE, null))
                    .as("nothing changes from a day to itself").isEmpty();
            assertThat(CaseTimeline.changes(wholeDocket().events(), PI_ORDER_DATE, DISMISSED_ON.minusDays(1), null))
                    .as("from is exclusive").isEmpty();
            assertThat(lines(CaseTimeline.changes(wholeDocket().events(), FILED.minusDays(1), FILED, null)))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE.subList(0, 5));
        }

        /**
         * Folding as of {@code to} differs from folding as of {@code from} exactly by the changes between them:
         * every added filing, asserted claim, finding, ruling, disposition, status change and link, and nothing else.
         */
        @Test
        void the_case_as_of_to_differs_from_the_case_as_of_from_exactly_by_the_changes() {
            History history = richHistory();
            List<RecordedEvent> events = history.events();
            List<LocalDate> days = days(history);
            int comparedPairs = 0;
            for (LocalDate from : days) {
                for (LocalDate to : days) {
                    if (!to.isAfter(from)) {
                        continue;
                    }
                    Optional<CaseFile> before = CaseFileFold.fold(events, from, null, false);
                    Optional<CaseFile> after = CaseFileFold.fold(events, to, null, false);
                    List<TimelineEntry> changes = CaseTimeline.changes(events, from, to, null);
                    assertDifferenceIsExactly(before, after, changes, "from " + from + " to " + to);
                    comparedPairs++;
                }
            }
            assertThat(comparedPairs).isGreaterThan(100);
        }

        private void assertDifferenceIsExactly(Optional<CaseFile> before, Optional<CaseFile> after,
                                               List<TimelineEntry> changes, String between) {
            Map<ChangeKind, List<TimelineEntry>> byKind = changes.stream()
                    .collect(Collectors.groupingBy(TimelineEntry::kind));
            List<TimelineEntry> none = List.of();

            assertThat(byKind.getOrDefault(ChangeKind.CASE_OPENED, none)).as("opened " + between)
                    .hasSize(before.isEmpty() && after.isPresent() ? 1 : 0);
            if (after.isEmpty()) {
                assertThat(changes).as(between).isEmpty();
                return;
            }
            CaseFile to = after.get();
            Optional<CaseFile> from = before;

            // docket entries
            Set<String> docketBefore = from.map(f -> ids(f.docket().stream().map(e -> e.id().value()))).orElse(Set.of());
            Set<String> added = new HashSet<>(ids(to.docket().stream().map(e -> e.id().value())));
            added.removeAll(docketBefore);
            assertThat(subjects(byKind, ChangeKind.FILING_ADDED)).as("filings added " + between)
                    .containsExactlyInAnyOrderElementsOf(added);
            assertThat(docketBefore).as("nothing leaves the docket " + between)
                    .isSubsetOf(ids(to.docket().stream().map(e -> e.id().value())));

            // claims
            Set<String> claimsBefore = from.map(f -> ids(f.claims().stream().map(c -> c.id().value())))
                    .orElse(Set.of());
            Set<String> asserted = new HashSet<>(ids(to.claims().stream().map(c -> c.id().value())));
            asserted.removeAll(claimsBefore);
            assertThat(subjects(byKind, ChangeKind.CLAIM_ASSERTED)).as("claims asserted " + between)
                    .containsExactlyInAnyOrderElementsOf(asserted);

            // findings: those at `to` that were not there at `from`
            List<String> findingsBefore = from.map(CaseTimelineTest::findings).orElse(List.of());
            List<String> newFindings = new ArrayList<>(findings(to));
            findingsBefore.forEach(newFindings::remove);
            assertThat(byKind.getOrDefault(ChangeKind.FINDING_MADE, none).stream()
                    .map(e -> e.subject() + " " + e.value() + " " + e.byFiling() + " " + e.legalDate()).toList())
                    .as("findings made " + between).containsExactlyInAnyOrderElementsOf(newFindings);

            // claim dispositions
            Map<String, ClaimStatus> statusBefore = new HashMap<>();
            from.ifPresent(f -> f.claims().forEach(c -> statusBefore.put(c.id().value(), c.status())));
            Set<String> disposed = new HashSet<>();
            for (ClaimView claim : to.claims()) {
                if (claim.status() != statusBefore.getOrDefault(claim.id().value(), ClaimStatus.PENDING)) {
                    disposed.add(claim.id().value() + " " + claim.status() + " " + claim.disposedBy().value());
                }
            }
            assertThat(byKind.getOrDefault(ChangeKind.CLAIM_DISPOSED, none).stream()
                    .map(e -> e.subject() + " " + e.value() + " " + e.byFiling()).toList())
                    .as("claims disposed " + between).containsExactlyInAnyOrderElementsOf(disposed);

            // motions: each one decided in between reads, at `to`, as its last decision says; no other changed
            Map<String, TimelineEntry> lastDecision = new HashMap<>();
            byKind.getOrDefault(ChangeKind.MOTION_DECIDED, none).forEach(e -> lastDecision.put(e.subject(), e));
            Map<String, MotionStatus> motionsBefore = new HashMap<>();
            from.ifPresent(f -> f.docket().forEach(e -> motionsBefore.put(e.id().value(), e.status())));
            for (DocketEntry entry : to.docket()) {
                TimelineEntry decision = lastDecision.get(entry.id().value());
                if (decision != null) {
                    assertThat(entry.status().name()).as("%s %s", entry.id(), between).isEqualTo(decision.value());
                    assertThat(entry.decidedBy().value()).as("%s %s", entry.id(), between)
                            .isEqualTo(decision.byFiling());
                    assertThat(entry.decidedOn()).isEqualTo(decision.legalDate());
                } else if (motionsBefore.containsKey(entry.id().value())) {
                    assertThat(entry.status()).as("%s undecided %s", entry.id(), between)
                            .isEqualTo(motionsBefore.get(entry.id().value()));
                } else {
                    assertThat(entry.status()).as("%s added %s", entry.id(), between)
                            .isIn(null, MotionStatus.PENDING);
                }
            }
            assertThat(lastDecision.keySet()).as("decided motions are on the docket " + between)
                    .isSubsetOf(ids(to.docket().stream().map(e -> e.id().value())));

            // the case's status: the last close or reopen in between, else as it was
            TimelineEntry lastChange = null;
            for (TimelineEntry change : changes) {
                if (change.kind() == ChangeKind.CASE_CLOSED || change.kind() == ChangeKind.CASE_REOPENED) {
                    lastChange = change;
                }
            }
            if (lastChange == null) {
                assertThat(to.status()).as("status " + between)
                        .isEqualTo(from.map(CaseFile::status).orElse(CaseStatus.OPEN));
                assertThat(to.lastStatusChange()).as("status change " + between)
                        .isEqualTo(from.map(CaseFile::lastStatusChange).orElse(null));
            } else {
                assertThat(to.status()).as("status " + between).isEqualTo(
                        lastChange.kind() == ChangeKind.CASE_CLOSED ? CaseStatus.CLOSED : CaseStatus.OPEN);
                assertThat(to.disposition() == null ? "OPEN" : to.disposition().name()).as("disposition " + between)
                        .isEqualTo(lastChange.value());
                assertThat(to.lastStatusChange().on()).isEqualTo(lastChange.legalDate());
                assertThat(to.lastStatusChange().byFiling().value()).isEqualTo(lastChange.byFiling());
            }

            // links
            List<String> linksBefore = from.map(f -> f.relatedCases().stream()
                    .map(r -> r.relation() + " " + r.caseId().value()).toList()).orElse(List.of());
            List<String> newLinks = new ArrayList<>(to.relatedCases().stream()
                    .map(r -> r.relation() + " " + r.caseId().value()).toList());
            linksBefore.forEach(newLinks::remove);
            assertThat(byKind.getOrDefault(ChangeKind.CASE_LINKED, none).stream()
                    .map(e -> e.value() + " " + e.subject()).toList()).as("links " + between)
                    .containsExactlyInAnyOrderElementsOf(newLinks);
        }
    }

    @Nested
    class Corrections {

        private final LocalDate corrected = PI_ORDER_DATE.plusDays(1);

        private History correctedOrder(History history) {
            return history.later(Duration.ofDays(3)).record(new FilingCorrected(dkt(34), CASE,
                    new FilingChanges(corrected, null, null, null, "Order denying the TRO (corrected)", null, null,
                            null, new Source("https://example.org/order-34", Verification.SECONDARY)),
                    "the order is dated 01/22/21", corrected));
        }

        @Test
        void a_corrected_date_moves_the_entry_and_its_effects() {
            History history = correctedOrder(wholeDocket());
            List<TimelineEntry> entries = timeline(history);
            assertThat(entries).extracting(TimelineEntry::legalDate).isSorted();
            assertThat(entries).filteredOn(e -> dkt(34).value().equals(e.subject())
                            || dkt(34).value().equals(e.byFiling()))
                    .extracting(TimelineEntry::legalDate, TimelineEntry::kind)
                    .containsExactly(tuple(corrected, ChangeKind.FILING_ADDED),
                            tuple(corrected, ChangeKind.MOTION_DECIDED), tuple(corrected, ChangeKind.FINDING_MADE));
            assertThat(CaseTimeline.changes(history.events(), PI_ORDER_DATE.minusDays(1), PI_ORDER_DATE, null))
                    .as("nothing is left on the old date").isEmpty();
            assertThat(CaseTimeline.changes(history.events(), PI_ORDER_DATE, corrected, null)).hasSize(3);
            String correction = history.events().get(history.events().size() - 1).eventId();
            assertThat(entries).as("the correction itself is no legal event")
                    .noneMatch(e -> e.eventId().equals(correction));
        }

        @Test
        void the_entry_carries_the_corrected_title_and_source() {
            TimelineEntry order = timeline(correctedOrder(wholeDocket())).stream()
                    .filter(e -> e.kind() == ChangeKind.FILING_ADDED && dkt(34).value().equals(e.subject()))
                    .findFirst().orElseThrow();
            assertThat(order.summary()).contains("Order denying the TRO (corrected)");
            assertThat(order.source()).isEqualTo(new Source("https://example.org/order-34", Verification.SECONDARY));
            assertThat(order.eventId()).as("the entry is the event that recorded the filing").isEqualTo("event-6");
        }

        @Test
        void known_before_the_correction_the_entry_is_on_its_old_date() {
            History history = wholeDocket();
            Instant beforeTheCorrection = history.now();
            correctedOrder(history);
            assertThat(lines(CaseTimeline.timeline(history.events(), null, beforeTheCorrection)))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE);
            assertThat(lines(CaseTimeline.changes(history.events(), PI_ORDER_DATE.minusDays(1), PI_ORDER_DATE,
                    beforeTheCorrection))).containsExactlyElementsOf(FEDERAL_TIMELINE.subList(5, 8));
        }
    }

    @Nested
    class Retractions {

        private History retractedDismissal(History history) {
            return history.later(Duration.ofHours(1)).record(
                    new FilingRetracted(dkt(46), CASE, DISMISSED_ON, "entered on the wrong docket",
                            ParlerDocket.noticeOfDismissal().effects()),
                    new ClaimEffectsRetracted(count(1), CASE, dkt(46), DISMISSED_ON, "entered on the wrong docket"),
                    new CaseEffectsRetracted(CASE, dkt(46), DISMISSED_ON, "entered on the wrong docket"));
        }

        @Test
        void a_retracted_entry_and_its_effects_leave_the_timeline() {
            History history = retractedDismissal(wholeDocket());
            assertThat(lines(timeline(history))).containsExactlyElementsOf(FEDERAL_TIMELINE.subList(0, 8));
            assertThat(CaseTimeline.changes(history.events(), PI_ORDER_DATE, DISMISSED_ON.plusDays(30), null))
                    .isEmpty();
        }

        @Test
        void a_retracted_order_takes_its_ruling_and_finding_out_of_the_changes() {
            History history = wholeDocket().record(
                    new FilingRetracted(dkt(34), CASE, PI_ORDER_DATE, "order of another case",
                            ParlerDocket.piOrder().effects()),
                    new MotionRulingRetracted(dkt(2), CASE, dkt(34), PI_ORDER_DATE, "order of another case"),
                    new ClaimEffectsRetracted(count(1), CASE, dkt(34), PI_ORDER_DATE, "order of another case"));
            assertThat(CaseTimeline.changes(history.events(), FILED, DISMISSED_ON.minusDays(1), null)).isEmpty();
        }

        @Test
        void known_before_the_retraction_the_entry_and_its_effects_are_there() {
            History history = wholeDocket();
            Instant beforeTheRetraction = history.now();
            retractedDismissal(history);
            assertThat(lines(CaseTimeline.timeline(history.events(), null, beforeTheRetraction)))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE);
            assertThat(lines(CaseTimeline.changes(history.events(), PI_ORDER_DATE, DISMISSED_ON,
                    beforeTheRetraction))).containsExactlyElementsOf(FEDERAL_TIMELINE.subList(8, 11));
        }
    }

    @Nested
    class KnownAt {

        @Test
        void what_was_recorded_after_knownAt_is_not_in_the_timeline_nor_in_the_changes() {
            History history = new History().record(ParlerDocket.opening());
            Instant beforeTheOrder = history.now();
            history.later(Duration.ofDays(30)).record(ParlerDocket.order()).record(ParlerDocket.dismissal());

            assertThat(lines(CaseTimeline.timeline(history.events(), null, beforeTheOrder)))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE.subList(0, 5));
            assertThat(CaseTimeline.changes(history.events(), FILED, DISMISSED_ON, beforeTheOrder)).isEmpty();
            assertThat(CaseTimeline.timeline(history.events(), null, History.START)).as("nothing known yet").isEmpty();
        }

        @Test
        void an_event_recorded_at_the_very_instant_is_known() {
            History history = wholeDocket();
            Instant lastRecorded = history.now();
            assertThat(lines(CaseTimeline.timeline(history.events(), null, lastRecorded)))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE);
            assertThat(lines(CaseTimeline.timeline(history.events(), null, lastRecorded.minusNanos(1))))
                    .containsExactlyElementsOf(FEDERAL_TIMELINE.subList(0, 10));
        }
    }

    @Nested
    class Provenance {

        @Test
        void every_entry_names_the_event_it_comes_from_its_legal_date_and_its_source() {
            History history = richHistory();
            Map<String, RecordedEvent> byId = new HashMap<>();
            history.events().forEach(e -> byId.put(e.eventId(), e));
            List<TimelineEntry> entries = timeline(history);
            assertThat(entries).hasSizeGreaterThan(15);
            for (TimelineEntry entry : entries) {
                RecordedEvent recorded = byId.get(entry.eventId());
                assertThat(recorded).as("event %s of %s", entry.eventId(), entry).isNotNull();
                assertThat(entry.position()).isEqualTo(recorded.position());
                assertThat(entry.recordedAt()).isEqualTo(recorded.recordedAt());
                assertThat(entry.legalDate()).as("%s", entry).isNotNull();
                assertThat(entry.source()).as("%s", entry).isNotNull();
                assertThat(entry.summary()).as("%s", entry).isNotBlank();
                DocketEvent event = recorded.event();
                if (!(event instanceof FilingRecorded)) { // a filing's source may have been corrected
                    assertThat(entry.source()).as("%s", entry).isEqualTo(((Sourced) event).source());
                    assertThat(entry.legalDate()).as("%s", entry).isEqualTo(dateOfItsFiling(history, event));
                }
            }
            assertThat(entries).filteredOn(e -> e.kind() == ChangeKind.CASE_CLOSED
                            && dkt(46).value().equals(e.byFiling())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.source()).isEqualTo(ParlerDocket.voluntarilyDismissed().source());
                        assertThat(e.byFiling()).isEqualTo(dkt(46).value());
                    });
        }

        /** An effect is dated like its filing (as corrected); everything else by itself. */
        private LocalDate dateOfItsFiling(History history, DocketEvent event) {
            FilingId by = null;
            if (event instanceof MotionDecided e) {
                by = e.byFiling();
            } else if (event instanceof FindingRecorded e) {
                by = e.byFiling();
            } else if (event instanceof ClaimDisposed e) {
                by = e.byFiling();
            } else if (event instanceof CaseClosed e) {
                by = e.byFiling();
            } else if (event instanceof CaseReopened e) {
                by = e.byFiling();
            }
            if (by == null) {
                return event.legalDate();
            }
            FilingId filing = by;
            return CaseFileFold.fold(history.events(), null, null, true).orElseThrow().docket().stream()
                    .filter(e -> e.id().equals(filing)).findFirst().orElseThrow().dateFiled();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The federal docket with more happening: a second motion, an order deciding it that also closes the case, an
     * order reopening it, the notice closing it again, a corrected date, a retracted entry, and effects recorded
     * before their order.
     */
    private static History richHistory() {
        FilingRecorded secondMotion = Entry.numbered(40, FilingType.MOTION, day(2, 1), "Motion to dismiss").event();
        FilingRecorded dismissal = Entry.numbered(45, FilingType.ORDER, day(2, 20), "Order granting the motion")
                .effects(effects().motion(dkt(40), MotionStatus.GRANTED)
                        .finding(count(2), Finding.NOT_PLAUSIBLY_PLEADED)
                        .disposition(count(2), ClaimStatus.DISMISSED_WITH_PREJUDICE)
                        .closing(CASE, Disposition.DISMISSED).build())
                .event();
        FilingRecorded reopening = Entry.numbered(47, FilingType.ORDER, day(2, 25), "Order reopening the case")
                .effects(effects().reopening(CASE).build()).event();
        FilingRecorded stray = Entry.numbered(41, FilingType.DECLARATION, day(2, 5), "Declaration of someone").event();
        History history = new History()
                .record(ParlerDocket.opening())
                .record(secondMotion)
                .record(dismissal,
                        new MotionDecided(dkt(40), CASE, MotionStatus.GRANTED, dkt(45), day(2, 20), SOURCE),
                        new FindingRecorded(count(2), CASE, Finding.NOT_PLAUSIBLY_PLEADED, dkt(45), day(2, 20), SOURCE),
                        new ClaimDisposed(count(2), CASE, ClaimStatus.DISMISSED_WITH_PREJUDICE, dkt(45), day(2, 20),
                                SOURCE),
                        new CaseClosed(CASE, Disposition.DISMISSED, dkt(45), day(2, 20), SOURCE))
                .record(reopening, new CaseReopened(CASE, dkt(47), day(2, 25), SOURCE))
                .record(ParlerDocket.troDenied(), ParlerDocket.notLikelyToSucceed(), ParlerDocket.piOrder())
                .record(ParlerDocket.dismissal())
                .record(stray)
                .record(new FilingCorrected(dkt(45), CASE, new FilingChanges(day(2, 22), null, null, null, null, null,
                        null, null, null), "docketed on 02/22", day(2, 22)))
                .record(new FilingRetracted(dkt(41), CASE, day(2, 5), "another case's declaration",
                        stray.effects()));
        return history;
    }

    /** Every day from before the case to after its last event. */
    private static List<LocalDate> days(History history) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        history.events().forEach(e -> dates.add(e.event().legalDate()));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = dates.first().minusDays(1); !d.isAfter(dates.last().plusDays(1)); d = d.plusDays(1)) {
            days.add(d);
        }
        return Collections.unmodifiableList(days);
    }

    private static Set<String> ids(java.util.stream.Stream<String> ids) {
        return ids.collect(Collectors.toSet());
    }

    private static List<String> subjects(Map<ChangeKind, List<TimelineEntry>> byKind, ChangeKind kind) {
        return byKind.getOrDefault(kind, List.of()).stream().map(TimelineEntry::subject).toList();
    }

    private static List<String> findings(CaseFile file) {
        List<String> findings = new ArrayList<>();
        for (ClaimView claim : file.claims()) {
            claim.findings().forEach(f -> findings.add(claim.id().value() + " " + f.finding() + " "
                    + f.byFiling().value() + " " + f.on()));
        }
        return findings;
    }
}
