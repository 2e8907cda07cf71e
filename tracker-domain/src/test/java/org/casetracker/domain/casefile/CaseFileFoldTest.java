package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.CaseFile.ClaimView;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.casefile.CaseFile.FindingView;
import org.casetracker.domain.casefile.CaseFile.RelatedCase;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingChanges;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.DocketEvent;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.support.Entry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
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
import static org.casetracker.domain.support.Parler.removalOpened;

class CaseFileFoldTest {

    private static CaseFile fold(List<RecordedEvent> events, LocalDate asOf, Instant knownAt) {
        return CaseFileFold.fold(events, asOf, knownAt, false).orElseThrow();
    }

    private static CaseFile fold(History history) {
        return fold(history.events(), null, null);
    }

    private static DocketEntry entry(CaseFile file, FilingId id) {
        return file.docket().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError(id + " is not on the docket " + ids(file)));
    }

    private static List<FilingId> ids(CaseFile file) {
        return file.docket().stream().map(DocketEntry::id).toList();
    }

    private static ClaimView claim(CaseFile file, int count) {
        return file.claims().stream().filter(c -> c.count() == count).findFirst().orElseThrow();
    }

    private static History wholeDocket() {
        return new History().record(ParlerDocket.opening()).record(ParlerDocket.order())
                .record(ParlerDocket.dismissal());
    }

    /** The case file without what depends on how the events were recorded rather than on what they say. */
    static CaseFile legalContent(CaseFile file) {
        return new CaseFile(file.id(), file.court(), file.courtName(), file.docketNumber(), file.caption(),
                file.filedOn(), file.judge(), file.parties(), file.source(), file.status(), file.disposition(),
                file.lastStatusChange(), file.relatedCases(), file.claims(), file.docket(), file.asOf(), null, 0,
                file.lastLegalDate());
    }

    @Nested
    class LegalOrder {

        @Test
        void the_whole_docket_folds_into_the_case_as_it_stands_today() {
            CaseFile file = fold(wholeDocket());
            assertThat(file.id()).isEqualTo(CASE);
            assertThat(file.caption()).isEqualTo("Parler LLC v. Amazon Web Services, Inc.");
            assertThat(file.filedOn()).isEqualTo(FILED);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.disposition()).isEqualTo(Disposition.VOLUNTARILY_DISMISSED);
            assertThat(file.lastStatusChange()).isEqualTo(new CaseFile.StatusChange(CaseStatus.CLOSED,
                    Disposition.VOLUNTARILY_DISMISSED, DISMISSED_ON, dkt(46), SOURCE));
            assertThat(ids(file)).containsExactly(dkt(1), dkt(2), dkt(34), dkt(46));
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.DENIED);
            assertThat(entry(file, dkt(2)).decidedOn()).isEqualTo(PI_ORDER_DATE);
            assertThat(entry(file, dkt(2)).decidedBy()).isEqualTo(dkt(34));
            assertThat(entry(file, dkt(1)).status()).as("only a motion has a status").isNull();
            assertThat(claim(file, 1).status()).isEqualTo(ClaimStatus.DISMISSED_WITHOUT_PREJUDICE);
            assertThat(claim(file, 1).disposedOn()).isEqualTo(DISMISSED_ON);
            assertThat(claim(file, 1).findings()).containsExactly(
                    new FindingView(Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER_DATE, dkt(34), SOURCE));
            assertThat(claim(file, 2).status()).isEqualTo(ClaimStatus.PENDING);
            assertThat(file.lastPosition()).isEqualTo(11);
            assertThat(file.asOf()).isNull();
            assertThat(file.knownAt()).isNull();
        }

        @Test
        void the_fold_follows_the_legal_dates_whatever_the_recording_order() {
            List<DocketEvent> reversed = new ArrayList<>();
            reversed.addAll(ParlerDocket.dismissal());
            reversed.addAll(ParlerDocket.order());
            reversed.addAll(ParlerDocket.opening());
            CaseFile recordedBackwards = fold(new History().record(reversed));
            assertThat(legalContent(recordedBackwards)).isEqualTo(legalContent(fold(wholeDocket())));
        }

        @Test
        void an_effect_recorded_before_its_order_still_takes_the_order_date() {
            History history = new History().record(ParlerDocket.opening())
                    .record(ParlerDocket.troDenied(), ParlerDocket.notLikelyToSucceed(), ParlerDocket.piOrder());
            CaseFile beforeTheOrder = fold(history.events(), day(1, 20), null);
            assertThat(entry(beforeTheOrder, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(fold(history.events(), PI_ORDER_DATE, null)).satisfies(file ->
                    assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.DENIED));
        }

        @Test
        void claims_are_listed_by_count() {
            History history = new History().record(ParlerDocket.contractClaim())
                    .record(ParlerDocket.opening().stream().filter(e -> e != null).toList());
            assertThat(fold(history).claims()).extracting(ClaimView::count).containsExactly(1, 2);
        }
    }

    @Nested
    class AsOf {

        @Test
        void before_the_case_was_filed_there_is_no_case() {
            assertThat(CaseFileFold.fold(wholeDocket().events(), FILED.minusDays(1), null, false)).isEmpty();
        }

        @Test
        void no_events_no_case() {
            assertThat(CaseFileFold.fold(List.of(), null, null, false)).isEmpty();
        }

        @Test
        void on_the_day_it_was_filed_the_case_holds_the_complaint_and_the_pending_motion() {
            CaseFile file = fold(wholeDocket().events(), FILED, null);
            assertThat(file.asOf()).isEqualTo(FILED);
            assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(file.lastStatusChange()).isNull();
            assertThat(ids(file)).containsExactly(dkt(1), dkt(2));
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(claim(file, 1).findings()).isEmpty();
        }

        @Test
        void the_day_before_the_order_the_motion_is_still_pending() {
            CaseFile file = fold(wholeDocket().events(), PI_ORDER_DATE.minusDays(1), null);
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(claim(file, 1).findings()).isEmpty();
        }

        @Test
        void on_the_day_of_the_order_the_motion_is_denied_and_the_count_assessed() {
            CaseFile file = fold(wholeDocket().events(), PI_ORDER_DATE, null);
            assertThat(ids(file)).containsExactly(dkt(1), dkt(2), dkt(34));
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.DENIED);
            assertThat(claim(file, 1).findings()).extracting(FindingView::finding)
                    .containsExactly(Finding.NOT_LIKELY_TO_SUCCEED);
            assertThat(claim(file, 1).status()).isEqualTo(ClaimStatus.PENDING);
            assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
        }

        @Test
        void from_the_notice_of_dismissal_on_the_case_is_closed() {
            assertThat(fold(wholeDocket().events(), DISMISSED_ON.minusDays(1), null).status())
                    .isEqualTo(CaseStatus.OPEN);
            CaseFile file = fold(wholeDocket().events(), DISMISSED_ON, null);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.disposition()).isEqualTo(Disposition.VOLUNTARILY_DISMISSED);
        }
    }

    @Nested
    class KnownAt {

        @Test
        void what_was_recorded_later_is_not_yet_known() {
            History history = new History().record(ParlerDocket.opening());
            Instant beforeTheOrderWasRecorded = history.now();
            history.later(Duration.ofDays(30)).record(ParlerDocket.order());

            CaseFile then = fold(history.events(), null, beforeTheOrderWasRecorded);
            assertThat(then.knownAt()).isEqualTo(beforeTheOrderWasRecorded);
            assertThat(ids(then)).containsExactly(dkt(1), dkt(2));
            assertThat(entry(then, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(then.lastPosition()).isEqualTo(5);

            CaseFile now = fold(history);
            assertThat(entry(now, dkt(2)).status()).isEqualTo(MotionStatus.DENIED);
        }

        @Test
        void before_the_case_was_recorded_nothing_is_known() {
            History history = wholeDocket();
            assertThat(CaseFileFold.fold(history.events(), null, History.START, false)).isEmpty();
        }

        @Test
        void an_event_recorded_at_the_very_instant_is_known() {
            History history = new History().record(ParlerDocket.opening());
            assertThat(fold(history.events(), null, history.now()).docket()).hasSize(2);
        }
    }

    @Nested
    class Corrections {

        private final FilingChanges newTitle = new FilingChanges(null, null, null, null,
                "Motion for TRO and preliminary injunction", null, null, null, null);

        @Test
        void a_corrected_title_shows_only_once_the_correction_is_known_and_on_every_date() {
            History history = wholeDocket();
            Instant beforeTheCorrection = history.now();
            history.later(Duration.ofDays(2))
                    .record(new FilingCorrected(dkt(2), CASE, newTitle, "the caption of the motion", FILED));
            Instant correctedAt = history.now();

            assertThat(entry(fold(history.events(), null, beforeTheCorrection), dkt(2)).title())
                    .isEqualTo("Motion for a temporary restraining order");
            assertThat(entry(fold(history.events(), null, beforeTheCorrection), dkt(2)).corrections()).isEmpty();
            for (LocalDate asOf : List.of(FILED, PI_ORDER_DATE, DISMISSED_ON)) {
                DocketEntry motion = entry(fold(history.events(), asOf, correctedAt), dkt(2));
                assertThat(motion.title()).as("as of %s", asOf).isEqualTo("Motion for TRO and preliminary injunction");
                assertThat(motion.corrections()).containsExactly(
                        new CaseFile.Correction(correctedAt, "the caption of the motion", "event-12"));
            }
            assertThat(entry(fold(history), dkt(2)).status()).as("the correction keeps the ruling")
                    .isEqualTo(MotionStatus.DENIED);
        }

        @Test
        void corrections_apply_in_the_order_they_were_recorded() {
            History history = wholeDocket()
                    .record(new FilingCorrected(dkt(1), CASE, new FilingChanges(null, null, null, null, "First", null,
                            20, null, null), "first", FILED))
                    .record(new FilingCorrected(dkt(1), CASE, new FilingChanges(null, true, null, null, "Second",
                            null, null, null, null), "second", FILED));
            DocketEntry complaint = entry(fold(history), dkt(1));
            assertThat(complaint.title()).isEqualTo("Second");
            assertThat(complaint.pageCount()).isEqualTo(20);
            assertThat(complaint.dateFiledEstimated()).isTrue();
            assertThat(complaint.corrections()).extracting(CaseFile.Correction::reason)
                    .containsExactly("first", "second");
        }

        @Test
        void a_corrected_type_makes_a_motion_of_the_entry() {
            History history = new History().record(ParlerDocket.opening())
                    .record(new FilingCorrected(dkt(1), CASE, new FilingChanges(null, null, null, FilingType.MOTION,
                            null, null, null, null, null), "it is the motion", FILED));
            assertThat(entry(fold(history), dkt(1)).status()).isEqualTo(MotionStatus.PENDING);
        }

        @Test
        void a_corrected_date_moves_the_order_and_its_effects() {
            LocalDate corrected = PI_ORDER_DATE.plusDays(1);
            History history = wholeDocket();
            Instant beforeTheCorrection = history.now();
            history.record(new FilingCorrected(dkt(34), CASE, new FilingChanges(corrected, null, null, null, null,
                    null, null, null, null), "the order is dated 01/22/21", corrected));

            CaseFile onTheOldDate = fold(history.events(), PI_ORDER_DATE, null);
            assertThat(ids(onTheOldDate)).doesNotContain(dkt(34));
            assertThat(entry(onTheOldDate, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(claim(onTheOldDate, 1).findings()).isEmpty();

            CaseFile onTheNewDate = fold(history.events(), corrected, null);
            assertThat(entry(onTheNewDate, dkt(34)).dateFiled()).isEqualTo(corrected);
            assertThat(entry(onTheNewDate, dkt(2)).status()).isEqualTo(MotionStatus.DENIED);
            assertThat(entry(onTheNewDate, dkt(2)).decidedOn()).isEqualTo(corrected);
            assertThat(claim(onTheNewDate, 1).findings()).extracting(FindingView::on).containsExactly(corrected);

            CaseFile asKnownBefore = fold(history.events(), PI_ORDER_DATE, beforeTheCorrection);
            assertThat(entry(asKnownBefore, dkt(2)).status()).isEqualTo(MotionStatus.DENIED);
            assertThat(entry(asKnownBefore, dkt(34)).dateFiled()).isEqualTo(PI_ORDER_DATE);
        }

        @Test
        void a_corrected_date_moves_the_closing_made_by_the_notice() {
            LocalDate corrected = DISMISSED_ON.plusDays(1);
            History history = wholeDocket().record(new FilingCorrected(dkt(46), CASE, new FilingChanges(corrected,
                    null, null, null, null, null, null, null, null), "filed late on 03/02, docketed 03/03", corrected));
            assertThat(fold(history.events(), DISMISSED_ON, null).status()).isEqualTo(CaseStatus.OPEN);
            assertThat(claim(fold(history.events(), DISMISSED_ON, null), 1).status()).isEqualTo(ClaimStatus.PENDING);
            CaseFile file = fold(history.events(), corrected, null);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.lastStatusChange().on()).isEqualTo(corrected);
            assertThat(claim(file, 1).disposedOn()).isEqualTo(corrected);
        }

        @Test
        void the_latest_known_date_correction_wins() {
            History history = wholeDocket()
                    .record(new FilingCorrected(dkt(34), CASE, new FilingChanges(day(1, 25), null, null, null, null,
                            null, null, null, null), "first reading", day(1, 25)));
            Instant afterTheFirst = history.now();
            history.record(new FilingCorrected(dkt(34), CASE, new FilingChanges(day(1, 22), null, null, null, null,
                    null, null, null, null), "second reading", day(1, 22)));
            assertThat(entry(fold(history.events(), null, afterTheFirst), dkt(34)).dateFiled()).isEqualTo(day(1, 25));
            assertThat(entry(fold(history), dkt(34)).dateFiled()).isEqualTo(day(1, 22));
            assertThat(entry(fold(history.events(), day(1, 22), null), dkt(2)).status())
                    .isEqualTo(MotionStatus.DENIED);
        }
    }

    @Nested
    class Retractions {

        private History retractedDismissal(History history) {
            return history.record(
                    new FilingRetracted(dkt(46), CASE, DISMISSED_ON, "entered on the wrong docket",
                            ParlerDocket.noticeOfDismissal().effects()),
                    new ClaimEffectsRetracted(count(1), CASE, dkt(46), DISMISSED_ON, "entered on the wrong docket"),
                    new CaseEffectsRetracted(CASE, dkt(46), DISMISSED_ON, "entered on the wrong docket"));
        }

        @Test
        void a_retracted_notice_drops_out_with_its_effects_from_the_retraction_on() {
            History history = wholeDocket();
            Instant beforeTheRetraction = history.now();
            retractedDismissal(history.later(Duration.ofHours(1)));

            CaseFile before = fold(history.events(), null, beforeTheRetraction);
            assertThat(before.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(ids(before)).contains(dkt(46));

            CaseFile after = fold(history);
            assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(after.disposition()).isNull();
            assertThat(after.lastStatusChange()).isNull();
            assertThat(ids(after)).containsExactly(dkt(1), dkt(2), dkt(34));
            assertThat(claim(after, 1).status()).isEqualTo(ClaimStatus.PENDING);
            assertThat(claim(after, 1).disposedBy()).isNull();
            assertThat(claim(after, 1).findings()).as("the order's finding stays").hasSize(1);
        }

        @Test
        void a_retracted_order_takes_its_ruling_and_its_finding_with_it() {
            History history = wholeDocket().record(
                    new FilingRetracted(dkt(34), CASE, PI_ORDER_DATE, "order of another case",
                            ParlerDocket.piOrder().effects()),
                    new MotionRulingRetracted(dkt(2), CASE, dkt(34), PI_ORDER_DATE, "order of another case"),
                    new ClaimEffectsRetracted(count(1), CASE, dkt(34), PI_ORDER_DATE, "order of another case"));
            CaseFile file = fold(history);
            assertThat(ids(file)).doesNotContain(dkt(34));
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(entry(file, dkt(2)).decidedBy()).isNull();
            assertThat(claim(file, 1).findings()).isEmpty();
        }

        @Test
        void the_retraction_alone_already_undoes_the_effects_in_the_file() {
            History history = wholeDocket().record(new FilingRetracted(dkt(34), CASE, PI_ORDER_DATE,
                    "order of another case", ParlerDocket.piOrder().effects()));
            CaseFile file = fold(history);
            assertThat(entry(file, dkt(2)).status()).isEqualTo(MotionStatus.PENDING);
            assertThat(claim(file, 1).findings()).isEmpty();
        }

        @Test
        void a_retracted_entry_is_shown_marked_when_asked_for() {
            History history = retractedDismissal(wholeDocket());
            CaseFile file = CaseFileFold.fold(history.events(), null, null, true).orElseThrow();
            DocketEntry notice = entry(file, dkt(46));
            assertThat(notice.retracted()).isTrue();
            assertThat(notice.retractionReason()).isEqualTo("entered on the wrong docket");
            assertThat(file.status()).as("its effects stay undone").isEqualTo(CaseStatus.OPEN);
            assertThat(entry(file, dkt(34)).retracted()).isFalse();
            assertThat(entry(file, dkt(34)).retractionReason()).isNull();
        }

        @Test
        void a_retraction_not_yet_known_leaves_the_entry_unmarked() {
            History history = wholeDocket();
            Instant beforeTheRetraction = history.now();
            retractedDismissal(history);
            DocketEntry notice = entry(CaseFileFold.fold(history.events(), null, beforeTheRetraction, true)
                    .orElseThrow(), dkt(46));
            assertThat(notice.retracted()).isFalse();
        }

        @Test
        void after_a_retracted_closing_a_new_closing_is_in_force() {
            History history = retractedDismissal(wholeDocket())
                    .record(Entry.numbered(47, FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL, DISMISSED_ON,
                                    "Notice of voluntary dismissal").effects(effects()
                                    .closing(CASE, Disposition.VOLUNTARILY_DISMISSED).build()).event(),
                            new CaseClosed(CASE, Disposition.VOLUNTARILY_DISMISSED, dkt(47), DISMISSED_ON, SOURCE));
            CaseFile file = fold(history);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.lastStatusChange().byFiling()).isEqualTo(dkt(47));
        }
    }

    @Nested
    class DocketOrder {

        @Test
        void entries_are_ordered_by_date_then_entry_number_with_unnumbered_ones_last_on_their_day() {
            FilingRecorded hearing = Entry.unnumbered("hearing-2021-01-14", FilingType.HEARING, day(1, 14),
                    "Hearing on the motion for TRO").event();
            FilingRecorded minutes = Entry.unnumbered("minutes-2021-01-12", FilingType.MINUTE_ENTRY, day(1, 12),
                    "Minute entry").event();
            FilingRecorded reply = Entry.numbered(12, FilingType.REPLY, day(1, 14), "Reply").event();
            FilingRecorded opposition = Entry.numbered(10, FilingType.OPPOSITION, day(1, 14), "Opposition").event();
            FilingRecorded declaration = Entry.numbered(11, FilingType.DECLARATION, day(1, 13), "Declaration")
                    .event();
            History history = new History().record(hearing, reply)
                    .record(ParlerDocket.piOrder())
                    .record(minutes, opposition)
                    .record(ParlerDocket.opening())
                    .record(declaration);
            assertThat(ids(fold(history))).containsExactly(dkt(1), dkt(2), minutes.filingId(), dkt(11), dkt(10),
                    dkt(12), hearing.filingId(), dkt(34));
        }

        @Test
        void a_corrected_date_moves_the_entry_in_the_docket() {
            History history = new History().record(ParlerDocket.opening()).record(ParlerDocket.piOrder())
                    .record(new FilingCorrected(dkt(1), CASE, new FilingChanges(day(1, 30), null, null, null, null,
                            null, null, null, null), "misread stamp", day(1, 30)));
            assertThat(ids(fold(history))).containsExactly(dkt(2), dkt(34), dkt(1));
        }
    }

    @Nested
    class Remand {

        private static final FilingId NOTICE_OF_REMOVAL = FilingId.numbered(REMOVAL, 1);
        private static final FilingId REMAND_ORDER = FilingId.numbered(REMOVAL, 69);
        private static final LocalDate REMANDED_ON = day(9, 17);

        /** King County's own events: what the removal and the remand in the federal case did to it. */
        private History kingCounty() {
            return new History().record(kingCountyOpened())
                    .record(new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, NOTICE_OF_REMOVAL, REMOVAL_FILED,
                                    SOURCE),
                            new CaseClosed(KING_COUNTY, Disposition.REMOVED, NOTICE_OF_REMOVAL, REMOVAL_FILED, SOURCE))
                    .record(new CaseLinked(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, REMAND_ORDER, REMANDED_ON,
                                    SOURCE),
                            new CaseReopened(KING_COUNTY, REMAND_ORDER, REMANDED_ON, SOURCE));
        }

        @Test
        void the_state_case_is_open_until_its_removal() {
            CaseFile file = fold(kingCounty().events(), KING_COUNTY_FILED, null);
            assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(file.relatedCases()).isEmpty();
        }

        @Test
        void the_removed_state_case_is_closed_as_removed_and_linked_to_the_federal_case() {
            CaseFile file = fold(kingCounty().events(), day(6, 1), null);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.disposition()).isEqualTo(Disposition.REMOVED);
            assertThat(file.relatedCases()).containsExactly(
                    new RelatedCase(Relation.REMOVED_TO, REMOVAL, REMOVAL_FILED, NOTICE_OF_REMOVAL, SOURCE));
        }

        @Test
        void the_remand_order_of_the_federal_case_reopens_the_state_case() {
            CaseFile file = fold(kingCounty().events(), REMANDED_ON, null);
            assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
            assertThat(file.disposition()).isNull();
            assertThat(file.lastStatusChange()).isEqualTo(new CaseFile.StatusChange(CaseStatus.OPEN, null,
                    REMANDED_ON, REMAND_ORDER, SOURCE));
            assertThat(file.relatedCases()).extracting(RelatedCase::relation)
                    .containsExactly(Relation.REMOVED_TO, Relation.REMANDED_FROM);
        }

        @Test
        void the_federal_case_is_closed_as_remanded() {
            FilingRecorded remandOrder = Entry.numbered(REMOVAL, 69, FilingType.ORDER, REMANDED_ON,
                            "Sealed order granting amended motion for remand")
                    .effects(effects().link(REMOVAL, Relation.REMANDED_TO, KING_COUNTY)
                            .closing(REMOVAL, Disposition.REMANDED).reopening(KING_COUNTY).build())
                    .event();
            History history = new History().record(removalOpened())
                    .record(Entry.numbered(REMOVAL, 1, FilingType.NOTICE_OF_REMOVAL, REMOVAL_FILED, "Notice of removal")
                                    .effects(effects().link(KING_COUNTY, Relation.REMOVED_TO, REMOVAL).build()).event(),
                            new CaseLinked(REMOVAL, Relation.REMOVED_FROM, KING_COUNTY, NOTICE_OF_REMOVAL,
                                    REMOVAL_FILED, SOURCE))
                    .record(remandOrder,
                            new CaseLinked(REMOVAL, Relation.REMANDED_TO, KING_COUNTY, REMAND_ORDER, REMANDED_ON,
                                    SOURCE),
                            new CaseClosed(REMOVAL, Disposition.REMANDED, REMAND_ORDER, REMANDED_ON, SOURCE));
            CaseFile file = fold(history);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.disposition()).isEqualTo(Disposition.REMANDED);
            assertThat(file.relatedCases()).extracting(RelatedCase::relation)
                    .containsExactly(Relation.REMOVED_FROM, Relation.REMANDED_TO);
            assertThat(fold(history.events(), day(9, 16), null).status()).isEqualTo(CaseStatus.OPEN);
        }

        @Test
        void a_retracted_remand_order_leaves_the_state_case_closed_as_removed() {
            History history = kingCounty().record(new CaseEffectsRetracted(KING_COUNTY, REMAND_ORDER, REMANDED_ON,
                    "sealed order recorded twice"));
            CaseFile file = fold(history);
            assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(file.disposition()).isEqualTo(Disposition.REMOVED);
            assertThat(file.relatedCases()).extracting(RelatedCase::relation).containsExactly(Relation.REMOVED_TO);
        }
    }

    @Nested
    class Resolution {

        @Test
        void the_resolved_history_holds_only_legal_events_in_legal_order() {
            History history = wholeDocket()
                    .record(new FilingCorrected(dkt(2), CASE, new FilingChanges(null, null, null, null, "TRO motion",
                            null, null, null, null), "title", FILED))
                    .record(new FilingRetracted(dkt(46), CASE, DISMISSED_ON, "error",
                            ParlerDocket.noticeOfDismissal().effects()));
            ResolvedHistory resolved = ResolvedHistory.of(history.events(), null);
            assertThat(resolved.upTo(null)).hasSize(11);
            assertThat(resolved.upTo(null)).extracting(ResolvedHistory.Dated::on).isSorted();
            assertThat(resolved.upTo(PI_ORDER_DATE)).hasSize(8);
            assertThat(resolved.correctionsOf(dkt(2))).hasSize(1);
            assertThat(resolved.correctionsOf(dkt(1))).isEmpty();
            assertThat(resolved.retractionOf(dkt(46))).isPresent();
            assertThat(resolved.retractionOf(dkt(34))).isEmpty();
            assertThat(resolved.isUndoneEffect(ParlerDocket.voluntarilyDismissed())).isTrue();
            assertThat(resolved.isUndoneEffect(ParlerDocket.troDenied())).isFalse();
            assertThat(resolved.isUndoneEffect(ParlerDocket.noticeOfDismissal()))
                    .as("the entry itself is not an effect").isFalse();
        }

        @Test
        void a_retraction_recorded_after_knownAt_is_not_applied() {
            History history = wholeDocket();
            Instant before = history.now();
            history.record(new CaseEffectsRetracted(CASE, dkt(46), DISMISSED_ON, "error"));
            assertThat(ResolvedHistory.of(history.events(), before)
                    .isUndoneEffect(ParlerDocket.voluntarilyDismissed())).isFalse();
            assertThat(ResolvedHistory.of(history.events(), null)
                    .isUndoneEffect(ParlerDocket.voluntarilyDismissed())).isTrue();
        }

        @Test
        void the_fold_takes_the_events_in_any_list_order_by_their_positions() {
            List<RecordedEvent> shuffled = new ArrayList<>(wholeDocket().events());
            Collections.reverse(shuffled);
            assertThat(CaseFileFold.fold(shuffled, null, null, false))
                    .isEqualTo(Optional.of(fold(wholeDocket())));
        }

        @Test
        void the_effects_of_a_filing_are_kept_on_its_entry() {
            FilingEffects effects = entry(fold(wholeDocket()), dkt(34)).effects();
            assertThat(effects).isEqualTo(ParlerDocket.piOrder().effects());
        }
    }
}
