package org.casetracker.domain.filings;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingCommands.CorrectFiling;
import org.casetracker.domain.filings.FilingCommands.DecideMotion;
import org.casetracker.domain.filings.FilingCommands.RetractFiling;
import org.casetracker.domain.filings.FilingCommands.RetractMotionRuling;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.casetracker.domain.support.Entry;
import org.casetracker.domain.support.InMemoryDocketDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

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
import static org.casetracker.domain.support.Violations.conflict;
import static org.casetracker.domain.support.Violations.invalid;
import static org.casetracker.domain.support.Violations.notFound;
import static org.hamcrest.Matchers.containsString;

class FilingAggregateTest {

    private static final LocalDate TRO_FILED = day(1, 11);
    private static final LocalDate PI_ORDER_DATE = day(1, 21);
    private static final FilingId MOTION = dkt(2);
    private static final FilingId PI_ORDER = dkt(34);
    private static final ClaimId COUNT_1 = count(1);
    private static final ClaimId COUNT_2 = count(2);

    private FixtureConfiguration<FilingAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FilingAggregate.class);
        fixture.registerInjectableResource(new InMemoryDocketDirectory()
                .withCase(CASE, FILED)
                .withCase(KING_COUNTY, KING_COUNTY_FILED)
                .withCase(REMOVAL, REMOVAL_FILED)
                .withClaim(COUNT_1)
                .withClaim(COUNT_2, day(1, 18))
                .withClaim(ClaimId.of(KING_COUNTY, 1))
                .withFiling(dkt(3), day(1, 15)));
    }

    private static Entry complaint() {
        return Entry.numbered(1, FilingType.COMPLAINT, FILED, "Verified Complaint").pages(19).claims(COUNT_1);
    }

    private static Entry troMotion() {
        return Entry.numbered(2, FilingType.MOTION, TRO_FILED, "Motion for a temporary restraining order");
    }

    private static Entry piOrder() {
        return Entry.numbered(34, FilingType.ORDER, PI_ORDER_DATE, "Order denying motion for TRO")
                .pages(14).claims(COUNT_1)
                .effects(effects().motion(MOTION, MotionStatus.DENIED)
                        .finding(COUNT_1, Finding.NOT_LIKELY_TO_SUCCEED).build());
    }

    private static Entry order(int number, LocalDate date) {
        return Entry.numbered(number, FilingType.ORDER, date, "Order");
    }

    private static MotionDecided denied() {
        return new MotionDecided(MOTION, CASE, MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE, SOURCE);
    }

    private static DecideMotion decide(MotionStatus outcome, FilingId byFiling, LocalDate on) {
        return new DecideMotion(MOTION, CASE, outcome, byFiling, on, SOURCE);
    }

    private static FilingChanges title(String title) {
        return new FilingChanges(null, null, null, null, title, null, null, null, null);
    }

    private static FilingChanges dateFiled(LocalDate date) {
        return new FilingChanges(date, null, null, null, null, null, null, null, null);
    }

    private static FilingChanges type(FilingType type) {
        return new FilingChanges(null, null, null, type, null, null, null, null, null);
    }

    @Nested
    class Recording {

        @Test
        void the_complaint_is_recorded_as_entry_one() {
            fixture.givenNoPriorActivity()
                    .when(complaint().command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(complaint().event());
        }

        @Test
        void an_order_is_recorded_with_its_effects() {
            fixture.givenNoPriorActivity()
                    .when(piOrder().command())
                    .expectEvents(piOrder().event());
        }

        @Test
        void what_is_recorded_is_stripped_of_surrounding_blanks() {
            Entry padded = troMotion().filedBy("  Parler LLC ").title(" Motion for TRO ").description("  ");
            fixture.givenNoPriorActivity()
                    .when(padded.command())
                    .expectEvents(new FilingRecorded(MOTION, CASE, 2, TRO_FILED, false, "Parler LLC",
                            FilingType.MOTION, "Motion for TRO", null, null, List.of(), SOURCE, FilingEffects.NONE));
        }

        @Test
        void an_entry_whose_date_the_sources_do_not_give_is_marked_estimated() {
            Entry estimated = troMotion().estimated();
            fixture.givenNoPriorActivity()
                    .when(estimated.command())
                    .expectEvents(estimated.event());
        }

        @Test
        void an_unnumbered_entry_takes_an_id_of_its_case() {
            Entry hearing = Entry.unnumbered("hearing-2021-01-14", FilingType.HEARING, day(1, 14),
                    "Hearing on the motion for TRO");
            fixture.givenNoPriorActivity()
                    .when(hearing.command())
                    .expectEvents(hearing.event());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 1_000_001})
        void an_entry_number_is_a_positive_number_of_the_docket(int number) {
            fixture.givenNoPriorActivity()
                    .when(complaint().entryNumber(number).id(dkt(number)).command())
                    .expectNoEvents()
                    .expectException(invalid("entryNumber"));
        }

        @Test
        void the_id_of_a_numbered_entry_follows_from_its_number() {
            fixture.givenNoPriorActivity()
                    .when(complaint().id(dkt(2)).command())
                    .expectException(invalid("filingId", dkt(1).value()));
        }

        @Test
        void the_id_of_an_unnumbered_entry_starts_with_its_case_id() {
            fixture.givenNoPriorActivity()
                    .when(Entry.unnumbered("x", FilingType.HEARING, day(1, 14), "Hearing")
                            .id(new FilingId("wawd-2-21-cv-0003-hearing")).command())
                    .expectException(invalid("filingId", "starts with its case's id"));
        }

        @Test
        void no_entry_is_dated_before_its_case_was_filed() {
            fixture.givenNoPriorActivity()
                    .when(complaint().dateFiled(FILED.minusDays(1)).command())
                    .expectNoEvents()
                    .expectException(invalid("dateFiled", "before the case was filed"));
        }

        @Test
        void an_entry_needs_its_date() {
            fixture.givenNoPriorActivity()
                    .when(complaint().dateFiled(null).command())
                    .expectException(invalid("dateFiled"));
        }

        @Test
        void no_entry_is_recorded_in_a_case_never_opened() {
            CaseId unknown = new CaseId("wawd-2-21-cv-99999");
            fixture.givenNoPriorActivity()
                    .when(Entry.numbered(unknown, 1, FilingType.COMPLAINT, FILED, "Complaint").command())
                    .expectException(notFound("caseId"));
        }

        @Test
        void an_entry_needs_a_type() {
            fixture.givenNoPriorActivity()
                    .when(complaint().type(null).command())
                    .expectException(invalid("type"));
        }

        @Test
        void an_entry_needs_a_filer() {
            fixture.givenNoPriorActivity()
                    .when(complaint().filedBy(" ").command())
                    .expectException(invalid("filedBy"));
        }

        @Test
        void an_entry_needs_a_title() {
            fixture.givenNoPriorActivity()
                    .when(complaint().title(null).command())
                    .expectException(invalid("title"));
        }

        @Test
        void a_page_count_starts_at_one() {
            fixture.givenNoPriorActivity()
                    .when(complaint().pages(0).command())
                    .expectException(invalid("pageCount"));
        }

        @Test
        void an_entry_needs_a_source() {
            fixture.givenNoPriorActivity()
                    .when(complaint().source(null).command())
                    .expectException(invalid("source"));
        }

        @Test
        void an_entry_concerns_only_counts_already_asserted() {
            fixture.givenNoPriorActivity()
                    .when(complaint().claims(COUNT_1, count(9)).command())
                    .expectException(invalid("claimIds[1]", "no claim"));
        }

        @Test
        void an_entry_concerns_only_counts_of_its_own_case() {
            fixture.givenNoPriorActivity()
                    .when(complaint().claims(ClaimId.of(KING_COUNTY, 1)).command())
                    .expectException(invalid("claimIds[0]"));
        }

        @Test
        void a_count_is_listed_once_per_entry() {
            fixture.givenNoPriorActivity()
                    .when(complaint().claims(COUNT_1, COUNT_1).command())
                    .expectException(invalid("claimIds[1]", "listed twice"));
        }

        @Test
        void an_empty_place_in_the_list_of_counts_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(complaint().claims(COUNT_1, null).command())
                    .expectException(invalid("claimIds[1]"));
        }

        @Test
        void a_duplicate_entry_number_in_a_case_is_refused() {
            fixture.given(complaint().event())
                    .when(complaint().title("Amended complaint").command())
                    .expectException(EventStoreException.class)
                    .expectExceptionMessage(containsString("Unexpected sequence number"));
        }
    }

    @Nested
    class RecordingEffects {

        @Test
        void an_order_rules_only_on_motions_of_its_own_case() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects()
                            .motion(FilingId.numbered(KING_COUNTY, 2), MotionStatus.DENIED).build()).command())
                    .expectException(invalid("effects.motions[0].filingId", "must name a motion of case"));
        }

        @Test
        void a_filing_does_not_decide_itself() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().motion(dkt(40), MotionStatus.GRANTED).build())
                            .command())
                    .expectException(invalid("effects.motions[0].filingId", "does not decide itself"));
        }

        @Test
        void a_ruling_cannot_leave_the_motion_pending() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().motion(MOTION, MotionStatus.PENDING).build())
                            .command())
                    .expectException(invalid("effects.motions[0].outcome"));
        }

        @Test
        void a_ruling_must_say_its_outcome() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().motion(MOTION, null).build()).command())
                    .expectException(invalid("effects.motions[0].outcome"));
        }

        @Test
        void an_empty_ruling_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().motion((MotionRuling) null).build()).command())
                    .expectException(invalid("effects.motions[0].filingId"));
        }

        @Test
        void only_the_court_rules_on_a_motion() {
            Entry reply = Entry.numbered(20, FilingType.REPLY, day(1, 14), "Reply in support of the motion")
                    .effects(effects().motion(MOTION, MotionStatus.GRANTED).build());
            fixture.givenNoPriorActivity()
                    .when(reply.command())
                    .expectNoEvents()
                    .expectException(invalid("effects.motions[0].outcome", "only the court rules on a motion"));
        }

        @Test
        void a_party_may_withdraw_its_own_motion() {
            Entry notice = Entry.numbered(22, FilingType.NOTICE, day(1, 15), "Notice of withdrawal of motion")
                    .effects(effects().motion(MOTION, MotionStatus.WITHDRAWN).build());
            fixture.givenNoPriorActivity()
                    .when(notice.command())
                    .expectEvents(notice.event());
        }

        @Test
        void a_filing_rules_once_on_each_motion() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().motion(MOTION, MotionStatus.DENIED)
                            .motion(MOTION, MotionStatus.MOOT).build()).command())
                    .expectException(invalid("effects.motions[1].filingId", "decided twice"));
        }

        @Test
        void only_the_court_makes_findings_on_a_count() {
            Entry opposition = Entry.numbered(10, FilingType.OPPOSITION, day(1, 12), "Opposition to the motion")
                    .filedBy("Amazon Web Services, Inc.")
                    .effects(effects().finding(COUNT_1, Finding.NOT_LIKELY_TO_SUCCEED).build());
            fixture.givenNoPriorActivity()
                    .when(opposition.command())
                    .expectException(invalid("effects.findings[0]", "only the court makes findings"));
        }

        @Test
        void a_finding_concerns_a_count_of_the_same_case() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects()
                            .finding(ClaimId.of(KING_COUNTY, 1), Finding.NOT_LIKELY_TO_SUCCEED).build()).command())
                    .expectException(invalid("effects.findings[0].claimId"));
        }

        @Test
        void a_finding_must_say_what_was_found() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().finding(COUNT_1, null).build()).command())
                    .expectException(invalid("effects.findings[0].finding"));
        }

        @Test
        void only_the_court_enters_judgment_on_a_count() {
            Entry stipulation = Entry.numbered(45, FilingType.STIPULATION, day(3, 1), "Stipulation")
                    .effects(effects().disposition(COUNT_1, ClaimStatus.JUDGMENT_FOR_PLAINTIFF).build());
            fixture.givenNoPriorActivity()
                    .when(stipulation.command())
                    .expectException(invalid("effects.claimDispositions[0].disposition", "only the court enters judgment"));
        }

        @Test
        void a_party_may_dismiss_its_own_counts() {
            Entry notice = Entry.numbered(46, FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL, day(3, 2),
                    "Notice of voluntary dismissal")
                    .effects(effects().disposition(COUNT_1, ClaimStatus.DISMISSED_WITHOUT_PREJUDICE).build());
            fixture.givenNoPriorActivity()
                    .when(notice.command())
                    .expectEvents(notice.event());
        }

        @Test
        void a_disposition_cannot_leave_the_count_pending() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().disposition(COUNT_1, ClaimStatus.PENDING).build())
                            .command())
                    .expectException(invalid("effects.claimDispositions[0].disposition"));
        }

        @Test
        void a_filing_disposes_of_each_count_once() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects()
                            .disposition(COUNT_1, ClaimStatus.DISMISSED_WITH_PREJUDICE)
                            .disposition(COUNT_1, ClaimStatus.WITHDRAWN).build()).command())
                    .expectException(invalid("effects.claimDispositions[1].claimId", "disposed of twice"));
        }

        @Test
        void a_disposition_concerns_a_count_of_the_same_case() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects()
                            .disposition(ClaimId.of(KING_COUNTY, 1), ClaimStatus.WITHDRAWN).build()).command())
                    .expectException(invalid("effects.claimDispositions[0].claimId"));
        }

        @Test
        void a_notice_of_voluntary_dismissal_closes_its_own_case() {
            Entry notice = Entry.numbered(46, FilingType.NOTICE_OF_VOLUNTARY_DISMISSAL, day(3, 2),
                    "Notice of voluntary dismissal without prejudice")
                    .effects(effects().closing(CASE, Disposition.VOLUNTARILY_DISMISSED).build());
            fixture.givenNoPriorActivity()
                    .when(notice.command())
                    .expectEvents(notice.event());
        }

        @Test
        void a_case_is_not_closed_without_a_disposition() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().closing(CASE, null).build()).command())
                    .expectException(invalid("effects.cases[0].disposition", "a closed case needs a disposition"));
        }

        @Test
        void a_reopened_case_has_no_disposition() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects()
                            .caseStatus(CASE, org.casetracker.domain.cases.CaseStatus.OPEN, Disposition.DISMISSED)
                            .build()).command())
                    .expectException(invalid("effects.cases[0].disposition", "a reopened case has no disposition"));
        }

        @Test
        void a_change_of_a_case_says_whether_it_closes_or_reopens() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().caseStatus(CASE, null, Disposition.DISMISSED).build())
                            .command())
                    .expectException(invalid("effects.cases[0].status"));
        }

        @Test
        void a_change_of_a_case_names_the_case() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().closing(null, Disposition.DISMISSED).build())
                            .command())
                    .expectException(invalid("effects.cases[0].caseId"));
        }

        @Test
        void a_filing_changes_each_case_once() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().closing(CASE, Disposition.DISMISSED)
                            .reopening(CASE).build()).command())
                    .expectException(invalid("effects.cases[1].caseId", "changed twice"));
        }

        @Test
        void a_notice_of_removal_links_the_state_case_to_the_federal_one() {
            Entry notice = Entry.numbered(REMOVAL, 1, FilingType.NOTICE_OF_REMOVAL, REMOVAL_FILED,
                    "Notice of removal").filedBy("Amazon.com, Inc.")
                    .effects(effects().link(KING_COUNTY, Relation.REMOVED_TO, REMOVAL)
                            .closing(KING_COUNTY, Disposition.REMOVED).build());
            fixture.givenNoPriorActivity()
                    .when(notice.command())
                    .expectEvents(notice.event());
        }

        @Test
        void a_filing_links_only_its_own_case() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().link(KING_COUNTY, Relation.REMOVED_TO, REMOVAL)
                            .build()).command())
                    .expectException(invalid("effects.links[0]", "links its own case"));
        }

        @Test
        void a_link_needs_its_relation() {
            fixture.givenNoPriorActivity()
                    .when(order(40, day(2, 1)).effects(effects().link(CASE, null, KING_COUNTY).build()).command())
                    .expectException(invalid("effects.links[0]"));
        }
    }

    @Nested
    class DecidingAMotion {

        @Test
        void the_preliminary_injunction_order_denies_the_motion() {
            fixture.given(troMotion().event())
                    .when(decide(MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE))
                    .expectEvents(denied());
        }

        @Test
        void a_motion_may_be_decided_the_day_it_was_filed() {
            fixture.given(troMotion().event())
                    .when(decide(MotionStatus.MOOT, dkt(3), TRO_FILED))
                    .expectEvents(new MotionDecided(MOTION, CASE, MotionStatus.MOOT, dkt(3), TRO_FILED, SOURCE));
        }

        @Test
        void the_movant_may_withdraw_its_motion() {
            fixture.given(troMotion().event())
                    .when(decide(MotionStatus.WITHDRAWN, dkt(22), day(1, 15)))
                    .expectEvents(new MotionDecided(MOTION, CASE, MotionStatus.WITHDRAWN, dkt(22), day(1, 15),
                            SOURCE));
        }

        @Test
        void only_a_motion_is_decided() {
            fixture.given(complaint().event())
                    .when(new DecideMotion(dkt(1), CASE, MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE, SOURCE))
                    .expectNoEvents()
                    .expectException(invalid("filingId", "is not a motion"));
        }

        @Test
        void there_is_no_ruling_on_a_withdrawn_motion() {
            fixture.given(troMotion().event(),
                            new MotionDecided(MOTION, CASE, MotionStatus.WITHDRAWN, dkt(22), day(1, 15), SOURCE))
                    .when(decide(MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE))
                    .expectNoEvents()
                    .expectException(conflict("filingId", "no ruling on a withdrawn motion"));
        }

        @Test
        void a_motion_already_denied_cannot_be_decided_again() {
            fixture.given(troMotion().event(), denied())
                    .when(decide(MotionStatus.GRANTED, dkt(40), day(2, 1)))
                    .expectNoEvents()
                    .expectException(conflict("filingId", "already decided (DENIED)"));
        }

        @Test
        void a_motion_cannot_be_decided_before_it_was_filed() {
            fixture.given(troMotion().event())
                    .when(decide(MotionStatus.DENIED, PI_ORDER, TRO_FILED.minusDays(1)))
                    .expectException(invalid("decidedOn"));
        }

        @Test
        void a_motion_cannot_be_decided_before_its_corrected_filing_date() {
            fixture.given(troMotion().event(),
                            new FilingCorrected(MOTION, CASE, dateFiled(day(1, 13)), "the stamp reads 01/13/21",
                                    day(1, 13)))
                    .when(decide(MotionStatus.DENIED, dkt(3), day(1, 12)))
                    .expectException(invalid("decidedOn"));
        }

        @Test
        void a_retracted_motion_cannot_be_decided() {
            fixture.given(troMotion().event(),
                            new FilingRetracted(MOTION, CASE, TRO_FILED, "recorded in error", FilingEffects.NONE))
                    .when(decide(MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE))
                    .expectException(conflict("filingId", "retracted"));
        }

        @Test
        void an_order_of_another_case_does_not_decide_this_motion() {
            fixture.given(troMotion().event())
                    .when(new DecideMotion(MOTION, KING_COUNTY, MotionStatus.DENIED,
                            FilingId.numbered(KING_COUNTY, 5), PI_ORDER_DATE, SOURCE))
                    .expectException(invalid("filingId", "is not a filing of case"));
        }

        @Test
        void a_decision_cannot_leave_the_motion_pending() {
            fixture.given(troMotion().event())
                    .when(decide(MotionStatus.PENDING, PI_ORDER, PI_ORDER_DATE))
                    .expectException(invalid("outcome"));
        }

        @Test
        void a_motion_corrected_into_an_opposition_is_no_longer_decided() {
            fixture.given(troMotion().event(),
                            new FilingCorrected(MOTION, CASE, type(FilingType.OPPOSITION), "was the opposition",
                                    TRO_FILED))
                    .when(decide(MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE))
                    .expectException(invalid("filingId"));
        }

        @Test
        void a_decision_needs_a_source() {
            fixture.given(troMotion().event())
                    .when(new DecideMotion(MOTION, CASE, MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE, null))
                    .expectException(invalid("source"));
        }
    }

    @Nested
    class Correcting {

        @Test
        void a_motion_is_not_dated_after_the_ruling_on_it() {
            fixture.given(troMotion().event(), denied())
                    .when(new CorrectFiling(MOTION, dateFiled(PI_ORDER_DATE.plusDays(1)), "misread the stamp"))
                    .expectException(invalid("changes.dateFiled", "decided on"));
        }

        @Test
        void a_motion_may_be_dated_on_the_day_of_its_ruling() {
            fixture.given(troMotion().event(), denied())
                    .when(new CorrectFiling(MOTION, dateFiled(PI_ORDER_DATE), "filed the same day"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_order_is_not_dated_before_the_motion_it_decides() {
            fixture.given(order(40, day(1, 20)).effects(effects().motion(dkt(3), MotionStatus.GRANTED).build())
                            .event())
                    .when(new CorrectFiling(dkt(40), dateFiled(day(1, 14)), "misread the stamp"))
                    .expectException(invalid("changes.dateFiled", "cannot be dated before"));
        }

        @Test
        void an_order_may_be_dated_on_the_day_of_the_motion_it_decides() {
            fixture.given(order(40, day(1, 20)).effects(effects().motion(dkt(3), MotionStatus.GRANTED).build())
                            .event())
                    .when(new CorrectFiling(dkt(40), dateFiled(day(1, 15)), "ruled from the bench"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_order_is_not_dated_before_the_count_it_assesses() {
            fixture.given(order(41, day(1, 20)).effects(effects()
                            .finding(COUNT_2, Finding.NOT_LIKELY_TO_SUCCEED).build()).event())
                    .when(new CorrectFiling(dkt(41), dateFiled(day(1, 17)), "misread the stamp"))
                    .expectException(invalid("changes.dateFiled", "asserted on"));
        }

        @Test
        void a_title_is_corrected_with_a_reason() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), title(" Verified Complaint for injunctive relief "),
                            "the caption page reads so"))
                    .expectEvents(new FilingCorrected(dkt(1), CASE, title("Verified Complaint for injunctive relief"),
                            "the caption page reads so", FILED));
        }

        @Test
        void a_corrected_date_becomes_the_legal_date_of_the_correction() {
            fixture.given(troMotion().event())
                    .when(new CorrectFiling(MOTION, dateFiled(day(1, 12)), "the stamp reads 01/12/21"))
                    .expectEvents(new FilingCorrected(MOTION, CASE, dateFiled(day(1, 12)), "the stamp reads 01/12/21",
                            day(1, 12)));
        }

        @Test
        void a_correction_may_change_the_source_and_the_counts() {
            Source better = new Source("https://example.org/dkt-1.pdf", Verification.VERIFIED);
            FilingChanges changes = new FilingChanges(null, true, null, null, null, "Nineteen pages", 19,
                    List.of(COUNT_1, COUNT_2), better);
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), changes, "read the PDF"))
                    .expectEvents(new FilingCorrected(dkt(1), CASE, changes, "read the PDF", FILED));
        }

        @Test
        void a_correction_needs_a_reason() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), title("Complaint"), "  "))
                    .expectNoEvents()
                    .expectException(invalid("reason"));
        }

        @Test
        void a_correction_changes_at_least_one_field() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1),
                            new FilingChanges(null, null, null, null, null, null, null, null, null), "nothing"))
                    .expectException(invalid("changes"));
        }

        @Test
        void a_correction_without_changes_is_refused() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), null, "nothing"))
                    .expectException(invalid("changes"));
        }

        @Test
        void a_retracted_entry_is_not_corrected() {
            fixture.given(complaint().event(),
                            new FilingRetracted(dkt(1), CASE, FILED, "recorded in error", FilingEffects.NONE))
                    .when(new CorrectFiling(dkt(1), title("Complaint"), "typo"))
                    .expectException(conflict("filingId", "retracted"));
        }

        @Test
        void a_corrected_date_cannot_precede_the_case() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), dateFiled(FILED.minusDays(1)), "typo"))
                    .expectException(invalid("changes.dateFiled", "before the case was filed"));
        }

        @Test
        void a_motion_already_decided_stays_a_motion() {
            fixture.given(troMotion().event(), denied())
                    .when(new CorrectFiling(MOTION, type(FilingType.OPPOSITION), "was the opposition"))
                    .expectNoEvents()
                    .expectException(conflict("changes.type", "its type stays MOTION"));
        }

        @Test
        void a_decided_motion_may_still_be_retitled() {
            fixture.given(troMotion().event(), denied())
                    .when(new CorrectFiling(MOTION, new FilingChanges(null, null, null, FilingType.MOTION,
                            "Motion for TRO and preliminary injunction", null, null, null, null), "full title"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_pending_motion_may_be_corrected_into_another_type() {
            fixture.given(troMotion().event())
                    .when(new CorrectFiling(MOTION, type(FilingType.DECLARATION), "it was the declaration"))
                    .expectEvents(new FilingCorrected(MOTION, CASE, type(FilingType.DECLARATION),
                            "it was the declaration", TRO_FILED));
        }

        @Test
        void a_corrected_title_cannot_be_blank() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), title(" "), "typo"))
                    .expectException(invalid("changes.title"));
        }

        @Test
        void a_correction_names_only_counts_already_asserted() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), new FilingChanges(null, null, null, null, null, null, null,
                            List.of(count(7)), null), "more counts"))
                    .expectException(invalid("changes.claimIds[0]"));
        }

        @Test
        void a_corrected_page_count_starts_at_one() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), new FilingChanges(null, null, null, null, null, null, 0, null,
                            null), "pages"))
                    .expectException(invalid("changes.pageCount"));
        }

        @Test
        void a_corrected_source_needs_a_citation() {
            fixture.given(complaint().event())
                    .when(new CorrectFiling(dkt(1), new FilingChanges(null, null, null, null, null, null, null, null,
                            new Source("", Verification.VERIFIED)), "source"))
                    .expectException(invalid("changes.source.citation"));
        }
    }

    @Nested
    class Retracting {

        @Test
        void a_retracted_order_answers_the_effects_to_undo() {
            FilingRetracted retracted = new FilingRetracted(PI_ORDER, CASE, PI_ORDER_DATE, "order of another case",
                    piOrder().event().effects());
            fixture.given(piOrder().event())
                    .when(new RetractFiling(PI_ORDER, "order of another case"))
                    .expectEvents(retracted)
                    .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.matches(
                            payload -> payload instanceof FilingRetracted r
                                    && r.effects().equals(piOrder().event().effects())
                                    && r.equals(retracted)));
        }

        @Test
        void a_retraction_is_dated_with_the_corrected_date() {
            fixture.given(troMotion().event(),
                            new FilingCorrected(MOTION, CASE, dateFiled(day(1, 12)), "stamp", day(1, 12)))
                    .when(new RetractFiling(MOTION, "duplicate entry"))
                    .expectEvents(new FilingRetracted(MOTION, CASE, day(1, 12), "duplicate entry",
                            FilingEffects.NONE));
        }

        @Test
        void a_retraction_needs_a_reason() {
            fixture.given(piOrder().event())
                    .when(new RetractFiling(PI_ORDER, null))
                    .expectNoEvents()
                    .expectException(invalid("reason"));
        }

        @Test
        void an_entry_cannot_be_retracted_twice() {
            fixture.given(piOrder().event(), new FilingRetracted(PI_ORDER, CASE, PI_ORDER_DATE, "error",
                            piOrder().event().effects()))
                    .when(new RetractFiling(PI_ORDER, "error again"))
                    .expectNoEvents()
                    .expectException(conflict("filingId", "retracted"));
        }
    }

    @Nested
    class RetractingARuling {

        @Test
        void the_ruling_of_a_retracted_order_is_undone() {
            fixture.given(troMotion().event(), denied())
                    .when(new RetractMotionRuling(MOTION, PI_ORDER, PI_ORDER_DATE, "order of another case"))
                    .expectEvents(new MotionRulingRetracted(MOTION, CASE, PI_ORDER, PI_ORDER_DATE,
                            "order of another case"));
        }

        @Test
        void once_its_ruling_is_retracted_the_motion_can_be_decided_again() {
            fixture.given(troMotion().event(), denied(),
                            new MotionRulingRetracted(MOTION, CASE, PI_ORDER, PI_ORDER_DATE, "wrong order"))
                    .when(decide(MotionStatus.GRANTED_IN_PART, dkt(35), day(1, 22)))
                    .expectEvents(new MotionDecided(MOTION, CASE, MotionStatus.GRANTED_IN_PART, dkt(35), day(1, 22),
                            SOURCE));
        }

        @Test
        void once_its_withdrawal_is_retracted_the_motion_can_be_ruled_on() {
            fixture.given(troMotion().event(),
                            new MotionDecided(MOTION, CASE, MotionStatus.WITHDRAWN, dkt(22), day(1, 15), SOURCE),
                            new MotionRulingRetracted(MOTION, CASE, dkt(22), day(1, 15), "notice of another motion"))
                    .when(decide(MotionStatus.DENIED, PI_ORDER, PI_ORDER_DATE))
                    .expectEvents(denied());
        }

        @Test
        void once_its_ruling_is_retracted_the_motion_may_change_type() {
            fixture.given(troMotion().event(), denied(),
                            new MotionRulingRetracted(MOTION, CASE, PI_ORDER, PI_ORDER_DATE, "wrong order"))
                    .when(new CorrectFiling(MOTION, type(FilingType.OPPOSITION), "was the opposition"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void only_a_ruling_that_was_made_can_be_retracted() {
            fixture.given(troMotion().event(), denied())
                    .when(new RetractMotionRuling(MOTION, dkt(35), day(1, 22), "error"))
                    .expectNoEvents()
                    .expectException(conflict("filingId", "made no ruling"));
        }

        @Test
        void a_retraction_of_a_ruling_names_the_order() {
            fixture.given(troMotion().event(), denied())
                    .when(new RetractMotionRuling(MOTION, null, PI_ORDER_DATE, "error"))
                    .expectException(conflict("filingId"));
        }

        @Test
        void a_retraction_of_a_ruling_needs_a_reason() {
            fixture.given(troMotion().event(), denied())
                    .when(new RetractMotionRuling(MOTION, PI_ORDER, PI_ORDER_DATE, ""))
                    .expectException(invalid("reason"));
        }
    }

    @Test
    void the_effects_keep_empty_places_for_the_rules_to_refuse_by_index() {
        FilingEffects effects = new FilingEffects(Arrays.asList(new MotionRuling(MOTION, MotionStatus.DENIED), null),
                null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(order(40, day(2, 1)).effects(effects).command())
                .expectException(invalid("effects.motions[1].filingId"));
    }
}
