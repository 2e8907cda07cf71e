package org.casetracker.domain.claims;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetracker.domain.claims.ClaimCommands.AssertClaim;
import org.casetracker.domain.claims.ClaimCommands.DisposeOfClaim;
import org.casetracker.domain.claims.ClaimCommands.RecordFinding;
import org.casetracker.domain.claims.ClaimCommands.RetractClaimEffects;
import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.support.InMemoryDocketDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.KING_COUNTY;
import static org.casetracker.domain.support.Parler.KING_COUNTY_FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.antitrustClaim;
import static org.casetracker.domain.support.Parler.count;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Violations.conflict;
import static org.casetracker.domain.support.Violations.invalid;
import static org.casetracker.domain.support.Violations.notFound;
import static org.hamcrest.Matchers.containsString;

class ClaimAggregateTest {

    private static final ClaimId COUNT_1 = count(1);
    private static final FilingId COMPLAINT = dkt(1);
    private static final FilingId PI_ORDER = dkt(34);
    private static final LocalDate PI_ORDER_DATE = day(1, 21);
    private static final FilingId DISMISSAL = dkt(46);
    private static final LocalDate DISMISSED_ON = day(3, 2);

    private FixtureConfiguration<ClaimAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClaimAggregate.class);
        fixture.registerInjectableResource(new InMemoryDocketDirectory()
                .withCase(CASE, FILED)
                .withCase(KING_COUNTY, KING_COUNTY_FILED)
                .withFiling(COMPLAINT)
                .withFiling(FilingId.numbered(KING_COUNTY, 1)));
    }

    private static AssertClaim assertCount(ClaimId claimId, int count, FilingId assertedIn, LocalDate on) {
        return new AssertClaim(claimId, CASE, count, ClaimType.ANTITRUST, "Conspiracy in restraint of trade",
                "Sherman Act §1, 15 U.S.C. §1", assertedIn, on, SOURCE);
    }

    private static FindingRecorded notLikelyToSucceed() {
        return new FindingRecorded(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER, PI_ORDER_DATE, SOURCE);
    }

    private static ClaimDisposed withdrawnByDismissal() {
        return new ClaimDisposed(COUNT_1, CASE, ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, DISMISSAL, DISMISSED_ON,
                SOURCE);
    }

    @Nested
    class Asserting {

        @Test
        void a_count_of_the_complaint_is_asserted() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 1, COMPLAINT, FILED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(antitrustClaim());
        }

        @Test
        void a_count_may_be_asserted_without_naming_its_filing() {
            fixture.givenNoPriorActivity()
                    .when(new AssertClaim(count(2), CASE, 2, ClaimType.BREACH_OF_CONTRACT, " Breach of contract ",
                            " ", null, FILED, SOURCE))
                    .expectEvents(new ClaimAsserted(count(2), CASE, 2, ClaimType.BREACH_OF_CONTRACT,
                            "Breach of contract", null, null, FILED, SOURCE));
        }

        @Test
        void a_count_of_a_case_never_opened_is_refused() {
            CaseId unknown = new CaseId("wawd-2-21-cv-99999");
            fixture.givenNoPriorActivity()
                    .when(new AssertClaim(ClaimId.of(unknown, 1), unknown, 1, ClaimType.ANTITRUST, "Count",
                            null, null, FILED, SOURCE))
                    .expectNoEvents()
                    .expectException(notFound("caseId"));
        }

        @Test
        void the_id_of_a_count_follows_from_its_case_and_number() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 2, COMPLAINT, FILED))
                    .expectException(invalid("claimId", count(2).value()));
        }

        @Test
        void counts_are_numbered_from_one() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(ClaimId.of(CASE, 0), 0, COMPLAINT, FILED))
                    .expectException(invalid("count"));
        }

        @Test
        void a_count_number_beyond_any_complaint_is_refused() {
            int tooMany = ClaimAggregate.MAX_COUNT + 1;
            fixture.givenNoPriorActivity()
                    .when(assertCount(ClaimId.of(CASE, tooMany), tooMany, COMPLAINT, FILED))
                    .expectException(invalid("count"));
        }

        @Test
        void a_count_needs_a_type() {
            fixture.givenNoPriorActivity()
                    .when(new AssertClaim(COUNT_1, CASE, 1, null, "Count", null, COMPLAINT, FILED, SOURCE))
                    .expectException(invalid("type"));
        }

        @Test
        void a_count_needs_a_title() {
            fixture.givenNoPriorActivity()
                    .when(new AssertClaim(COUNT_1, CASE, 1, ClaimType.OTHER, "", null, COMPLAINT, FILED, SOURCE))
                    .expectException(invalid("title"));
        }

        @Test
        void a_count_cannot_be_asserted_before_the_case_was_filed() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 1, COMPLAINT, FILED.minusDays(1)))
                    .expectNoEvents()
                    .expectException(invalid("assertedOn", "before the case was filed"));
        }

        @Test
        void a_count_needs_the_day_it_was_asserted() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 1, COMPLAINT, null))
                    .expectException(invalid("assertedOn"));
        }

        @Test
        void a_count_cannot_be_asserted_in_a_filing_never_recorded() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 1, dkt(99), FILED))
                    .expectException(invalid("assertedIn"));
        }

        @Test
        void a_count_cannot_be_asserted_in_a_filing_of_another_case() {
            fixture.givenNoPriorActivity()
                    .when(assertCount(COUNT_1, 1, FilingId.numbered(KING_COUNTY, 1), FILED))
                    .expectException(invalid("assertedIn"));
        }

        @Test
        void a_count_needs_a_source() {
            fixture.givenNoPriorActivity()
                    .when(new AssertClaim(COUNT_1, CASE, 1, ClaimType.ANTITRUST, "Count", null, COMPLAINT, FILED,
                            null))
                    .expectException(invalid("source"));
        }

        @Test
        void the_same_count_cannot_be_asserted_twice() {
            fixture.given(antitrustClaim())
                    .when(assertCount(COUNT_1, 1, COMPLAINT, FILED))
                    .expectException(EventStoreException.class)
                    .expectExceptionMessage(containsString("Unexpected sequence number"));
        }
    }

    @Nested
    class Findings {

        @Test
        void the_preliminary_injunction_order_finds_a_count_not_likely_to_succeed() {
            fixture.given(antitrustClaim())
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER, PI_ORDER_DATE,
                            SOURCE))
                    .expectEvents(notLikelyToSucceed());
        }

        @Test
        void a_count_may_be_assessed_more_than_once() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_PLAUSIBLY_PLEADED, dkt(40), day(2, 10),
                            SOURCE))
                    .expectEvents(new FindingRecorded(COUNT_1, CASE, Finding.NOT_PLAUSIBLY_PLEADED, dkt(40),
                            day(2, 10), SOURCE));
        }

        @Test
        void an_order_of_another_case_makes_no_finding_on_this_count() {
            fixture.given(antitrustClaim())
                    .when(new RecordFinding(COUNT_1, KING_COUNTY, Finding.NOT_LIKELY_TO_SUCCEED,
                            FilingId.numbered(KING_COUNTY, 5), day(4, 1), SOURCE))
                    .expectNoEvents()
                    .expectException(invalid("claimId", "is not a claim of case"));
        }

        @Test
        void a_finding_must_say_what_was_found() {
            fixture.given(antitrustClaim())
                    .when(new RecordFinding(COUNT_1, CASE, null, PI_ORDER, PI_ORDER_DATE, SOURCE))
                    .expectException(invalid("finding"));
        }

        @Test
        void no_finding_on_a_count_already_disposed_of() {
            fixture.given(antitrustClaim(), withdrawnByDismissal())
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, dkt(47), day(3, 5),
                            SOURCE))
                    .expectNoEvents()
                    .expectException(conflict("claimId", "was disposed of"));
        }

        @Test
        void no_finding_before_the_count_was_asserted() {
            fixture.given(antitrustClaim())
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER,
                            FILED.minusDays(1), SOURCE))
                    .expectException(invalid("foundOn"));
        }

        @Test
        void a_finding_needs_a_source() {
            fixture.given(antitrustClaim())
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER, PI_ORDER_DATE,
                            null))
                    .expectException(invalid("source"));
        }

        @Test
        void no_finding_on_a_count_never_asserted() {
            fixture.givenNoPriorActivity()
                    .when(new RecordFinding(COUNT_1, CASE, Finding.NOT_LIKELY_TO_SUCCEED, PI_ORDER, PI_ORDER_DATE,
                            SOURCE))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Dispositions {

        @Test
        void a_count_is_dismissed_without_prejudice() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new DisposeOfClaim(COUNT_1, CASE, ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, DISMISSAL,
                            DISMISSED_ON, SOURCE))
                    .expectEvents(withdrawnByDismissal());
        }

        @Test
        void pending_is_not_a_disposition() {
            fixture.given(antitrustClaim())
                    .when(new DisposeOfClaim(COUNT_1, CASE, ClaimStatus.PENDING, DISMISSAL, DISMISSED_ON, SOURCE))
                    .expectException(invalid("disposition"));
        }

        @Test
        void a_disposition_must_be_given() {
            fixture.given(antitrustClaim())
                    .when(new DisposeOfClaim(COUNT_1, CASE, null, DISMISSAL, DISMISSED_ON, SOURCE))
                    .expectException(invalid("disposition"));
        }

        @Test
        void a_count_disposed_of_cannot_be_disposed_of_a_second_time() {
            fixture.given(antitrustClaim(), withdrawnByDismissal())
                    .when(new DisposeOfClaim(COUNT_1, CASE, ClaimStatus.JUDGMENT_FOR_DEFENDANT, dkt(60), day(6, 1),
                            SOURCE))
                    .expectNoEvents()
                    .expectException(conflict("claimId", "a second disposition cannot follow"));
        }

        @Test
        void an_order_of_another_case_does_not_dispose_of_this_count() {
            fixture.given(antitrustClaim())
                    .when(new DisposeOfClaim(COUNT_1, KING_COUNTY, ClaimStatus.DISMISSED_WITH_PREJUDICE,
                            FilingId.numbered(KING_COUNTY, 9), day(6, 1), SOURCE))
                    .expectException(invalid("claimId"));
        }

        @Test
        void a_count_is_not_disposed_of_before_it_was_asserted() {
            fixture.given(antitrustClaim())
                    .when(new DisposeOfClaim(COUNT_1, CASE, ClaimStatus.WITHDRAWN, DISMISSAL, FILED.minusDays(3),
                            SOURCE))
                    .expectException(invalid("disposedOn"));
        }

        @Test
        void after_the_first_disposition_is_retracted_a_new_one_is_accepted() {
            fixture.given(antitrustClaim(), withdrawnByDismissal(),
                            new ClaimEffectsRetracted(COUNT_1, CASE, DISMISSAL, DISMISSED_ON, "wrong docket"))
                    .when(new DisposeOfClaim(COUNT_1, CASE, ClaimStatus.WITHDRAWN, dkt(47), day(3, 3), SOURCE))
                    .expectEvents(new ClaimDisposed(COUNT_1, CASE, ClaimStatus.WITHDRAWN, dkt(47), day(3, 3),
                            SOURCE));
        }

        @Test
        void after_the_disposition_is_retracted_the_count_can_be_assessed_again() {
            fixture.given(antitrustClaim(), withdrawnByDismissal(),
                            new ClaimEffectsRetracted(COUNT_1, CASE, DISMISSAL, DISMISSED_ON, "wrong docket"))
                    .when(new RecordFinding(COUNT_1, CASE, Finding.SERIOUS_QUESTIONS, dkt(48), day(3, 10), SOURCE))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class RetractingEffects {

        @Test
        void the_finding_of_a_retracted_order_is_undone() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new RetractClaimEffects(COUNT_1, PI_ORDER, PI_ORDER_DATE, "order of another case"))
                    .expectEvents(new ClaimEffectsRetracted(COUNT_1, CASE, PI_ORDER, PI_ORDER_DATE,
                            "order of another case"));
        }

        @Test
        void only_a_filing_that_had_effects_on_the_count_can_have_them_retracted() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new RetractClaimEffects(COUNT_1, dkt(35), PI_ORDER_DATE, "recorded in error"))
                    .expectException(conflict("filingId", "has no effect on claim"));
        }

        @Test
        void the_same_effects_cannot_be_retracted_twice() {
            fixture.given(antitrustClaim(), notLikelyToSucceed(),
                            new ClaimEffectsRetracted(COUNT_1, CASE, PI_ORDER, PI_ORDER_DATE, "error"))
                    .when(new RetractClaimEffects(COUNT_1, PI_ORDER, PI_ORDER_DATE, "error again"))
                    .expectException(conflict("filingId"));
        }

        @Test
        void a_retraction_of_effects_names_the_filing() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new RetractClaimEffects(COUNT_1, null, PI_ORDER_DATE, "error"))
                    .expectException(conflict("filingId"));
        }

        @Test
        void a_retraction_of_effects_needs_a_reason() {
            fixture.given(antitrustClaim(), notLikelyToSucceed())
                    .when(new RetractClaimEffects(COUNT_1, PI_ORDER, PI_ORDER_DATE, null))
                    .expectException(invalid("reason"));
        }
    }
}
