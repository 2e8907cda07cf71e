package org.casetracker.domain.cases;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetracker.domain.cases.CaseCommands.CloseCase;
import org.casetracker.domain.cases.CaseCommands.LinkCase;
import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.cases.CaseCommands.ReopenCase;
import org.casetracker.domain.cases.CaseCommands.RetractCaseEffects;
import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.casetracker.domain.support.InMemoryDocketDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.KING_COUNTY;
import static org.casetracker.domain.support.Parler.KING_COUNTY_FILED;
import static org.casetracker.domain.support.Parler.PARTIES;
import static org.casetracker.domain.support.Parler.REMOVAL;
import static org.casetracker.domain.support.Parler.REMOVAL_FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.kingCountyOpened;
import static org.casetracker.domain.support.Parler.opened;
import static org.casetracker.domain.support.Parler.removalOpened;
import static org.casetracker.domain.support.Violations.conflict;
import static org.casetracker.domain.support.Violations.invalid;
import static org.casetracker.domain.support.Violations.notFound;
import static org.hamcrest.Matchers.containsString;

class CaseAggregateTest {

    private static final LocalDate DISMISSED_ON = day(3, 2);
    private static final FilingId NOTICE_OF_DISMISSAL = dkt(46);

    private FixtureConfiguration<CaseAggregate> fixture;
    private InMemoryDocketDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        directory = new InMemoryDocketDirectory()
                .withCase(CASE, FILED)
                .withCase(KING_COUNTY, KING_COUNTY_FILED)
                .withCase(REMOVAL, REMOVAL_FILED);
        fixture.registerInjectableResource(directory);
    }

    private static OpenCase openParler() {
        return new OpenCase(CASE, "wawd", "U.S. District Court for the Western District of Washington",
                "2:21-cv-00031", "Parler LLC v. Amazon Web Services, Inc.", FILED, "Barbara J. Rothstein",
                PARTIES, SOURCE);
    }

    private static OpenCase openParler(List<Party> parties, Source source) {
        OpenCase c = openParler();
        return new OpenCase(c.caseId(), c.court(), c.courtName(), c.docketNumber(), c.caption(), c.filedOn(),
                c.judge(), parties, source);
    }

    private static CaseClosed dismissedByNotice() {
        return new CaseClosed(CASE, Disposition.VOLUNTARILY_DISMISSED, NOTICE_OF_DISMISSAL, DISMISSED_ON, SOURCE);
    }

    private static CloseCase close(Disposition disposition, FilingId byFiling, CaseId byFilingCase, LocalDate on) {
        return new CloseCase(CASE, disposition, byFiling, byFilingCase, on, SOURCE);
    }

    @Nested
    class Opening {

        @Test
        void a_case_is_opened_under_the_slug_of_its_court_and_docket_number() {
            fixture.givenNoPriorActivity()
                    .when(openParler())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void what_is_recorded_is_stripped_of_surrounding_blanks() {
            OpenCase padded = new OpenCase(CASE, " wawd ", null, " 2:21-cv-00031 ",
                    " Parler LLC v. Amazon Web Services, Inc. ", FILED, "  ",
                    List.of(new Party(" Parler LLC ", PartyRole.PLAINTIFF, List.of(" David J. Groesbeck "))),
                    new Source(" https://example.org/dkt-1 ", Verification.VERIFIED));
            fixture.givenNoPriorActivity()
                    .when(padded)
                    .expectEvents(new CaseOpened(CASE, "wawd", null, "2:21-cv-00031",
                            "Parler LLC v. Amazon Web Services, Inc.", FILED, null,
                            List.of(new Party("Parler LLC", PartyRole.PLAINTIFF, List.of("David J. Groesbeck"))),
                            new Source("https://example.org/dkt-1", Verification.VERIFIED)));
        }

        @Test
        void a_state_court_docket_number_gives_its_own_slug() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(KING_COUNTY, "kingco", "King County Superior Court", "21-2-02856-6 SEA",
                            "Parler LLC v. Amazon.com, Inc.", KING_COUNTY_FILED, null, PARTIES, SOURCE))
                    .expectEvents(kingCountyOpened());
        }

        @Test
        void the_id_of_a_case_must_be_the_slug_of_court_and_docket_number() {
            OpenCase c = openParler();
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(new CaseId("wawd-2-21-cv-31"), c.court(), c.courtName(), c.docketNumber(),
                            c.caption(), c.filedOn(), c.judge(), c.parties(), c.source()))
                    .expectNoEvents()
                    .expectException(invalid("caseId", "wawd-2-21-cv-00031"));
        }

        @Test
        void a_docket_number_without_letters_or_digits_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(new CaseId("x"), "--", null, "::", "A v. B", FILED, null, PARTIES, SOURCE))
                    .expectException(invalid("docketNumber"));
        }

        @Test
        void a_case_needs_at_least_one_party() {
            fixture.givenNoPriorActivity()
                    .when(openParler(List.of(), SOURCE))
                    .expectNoEvents()
                    .expectException(invalid("parties"));
        }

        @Test
        void a_case_without_a_list_of_parties_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(openParler(null, SOURCE))
                    .expectException(invalid("parties"));
        }

        @Test
        void a_party_listed_twice_in_the_same_role_is_refused() {
            List<Party> parties = List.of(new Party("Parler LLC", PartyRole.PLAINTIFF, List.of()),
                    new Party("Amazon Web Services, Inc.", PartyRole.DEFENDANT, List.of()),
                    new Party(" Parler LLC", PartyRole.PLAINTIFF, List.of()));
            fixture.givenNoPriorActivity()
                    .when(openParler(parties, SOURCE))
                    .expectException(invalid("parties[2]", "listed twice"));
        }

        @Test
        void the_same_party_may_appear_in_two_roles() {
            List<Party> parties = List.of(new Party("Parler LLC", PartyRole.PLAINTIFF, List.of()),
                    new Party("Parler LLC", PartyRole.THIRD_PARTY_DEFENDANT, List.of()));
            fixture.givenNoPriorActivity()
                    .when(openParler(parties, SOURCE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_party_needs_a_role() {
            fixture.givenNoPriorActivity()
                    .when(openParler(List.of(new Party("Parler LLC", null, List.of())), SOURCE))
                    .expectException(invalid("parties[0].role"));
        }

        @Test
        void a_party_needs_a_name() {
            fixture.givenNoPriorActivity()
                    .when(openParler(List.of(new Party(" ", PartyRole.PLAINTIFF, List.of())), SOURCE))
                    .expectException(invalid("parties[0].name"));
        }

        @Test
        void counsel_cannot_be_blank() {
            fixture.givenNoPriorActivity()
                    .when(openParler(List.of(new Party("Parler LLC", PartyRole.PLAINTIFF, List.of("Groesbeck", ""))),
                            SOURCE))
                    .expectException(invalid("parties[0].counsel[1]"));
        }

        @Test
        void more_parties_than_a_docket_can_hold_are_refused() {
            List<Party> parties = new ArrayList<>();
            for (int i = 0; i <= CaseOpening.MAX_PARTIES; i++) {
                parties.add(new Party("Doe " + i, PartyRole.DEFENDANT, List.of()));
            }
            fixture.givenNoPriorActivity()
                    .when(openParler(parties, SOURCE))
                    .expectException(invalid("parties"));
        }

        @Test
        void a_case_is_not_opened_without_a_source() {
            fixture.givenNoPriorActivity()
                    .when(openParler(PARTIES, null))
                    .expectNoEvents()
                    .expectException(invalid("source"));
        }

        @Test
        void a_source_needs_a_citation() {
            fixture.givenNoPriorActivity()
                    .when(openParler(PARTIES, new Source("  ", Verification.VERIFIED)))
                    .expectException(invalid("source.citation"));
        }

        @Test
        void a_source_needs_its_verification() {
            fixture.givenNoPriorActivity()
                    .when(openParler(PARTIES, new Source("https://example.org", null)))
                    .expectException(invalid("source.verification"));
        }

        @Test
        void a_case_needs_a_caption() {
            OpenCase c = openParler();
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE, c.court(), c.courtName(), c.docketNumber(), "   ", c.filedOn(),
                            c.judge(), c.parties(), c.source()))
                    .expectException(invalid("caption"));
        }

        @Test
        void a_case_needs_the_day_it_was_filed() {
            OpenCase c = openParler();
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE, c.court(), c.courtName(), c.docketNumber(), c.caption(), null,
                            c.judge(), c.parties(), c.source()))
                    .expectException(invalid("filedOn"));
        }

        @Test
        void a_case_needs_a_court() {
            OpenCase c = openParler();
            fixture.givenNoPriorActivity()
                    .when(new OpenCase(CASE, null, c.courtName(), c.docketNumber(), c.caption(), c.filedOn(),
                            c.judge(), c.parties(), c.source()))
                    .expectException(invalid("court"));
        }

        @Test
        void the_same_docket_cannot_be_opened_twice() {
            fixture.given(opened())
                    .when(openParler())
                    .expectException(EventStoreException.class)
                    .expectExceptionMessage(containsString("Unexpected sequence number"));
        }
    }

    @Nested
    class Closing {

        @Test
        void a_notice_of_voluntary_dismissal_closes_its_case() {
            fixture.given(opened())
                    .when(close(Disposition.VOLUNTARILY_DISMISSED, NOTICE_OF_DISMISSAL, CASE, DISMISSED_ON))
                    .expectEvents(dismissedByNotice());
        }

        @Test
        void a_case_may_be_closed_on_the_day_it_was_filed() {
            fixture.given(opened())
                    .when(close(Disposition.DISMISSED, dkt(2), CASE, FILED))
                    .expectEvents(new CaseClosed(CASE, Disposition.DISMISSED, dkt(2), FILED, SOURCE));
        }

        @Test
        void a_case_is_not_closed_without_a_disposition() {
            fixture.given(opened())
                    .when(close(null, NOTICE_OF_DISMISSAL, CASE, DISMISSED_ON))
                    .expectException(invalid("disposition"));
        }

        @Test
        void a_closed_case_cannot_be_closed_again() {
            fixture.given(opened(), dismissedByNotice())
                    .when(close(Disposition.DISMISSED, dkt(47), CASE, day(3, 5)))
                    .expectNoEvents()
                    .expectException(conflict("status", "already closed"));
        }

        @Test
        void a_case_cannot_be_closed_before_it_was_filed() {
            fixture.given(opened())
                    .when(close(Disposition.DISMISSED, dkt(2), CASE, FILED.minusDays(1)))
                    .expectException(invalid("closedOn", "before the case was filed"));
        }

        @Test
        void a_case_cannot_be_closed_without_a_date() {
            fixture.given(opened())
                    .when(close(Disposition.DISMISSED, dkt(2), CASE, null))
                    .expectException(invalid("closedOn"));
        }

        @Test
        void a_case_cannot_be_closed_before_its_last_status_change() {
            fixture.given(opened(), dismissedByNotice(),
                            new CaseReopened(CASE, dkt(50), day(4, 1), SOURCE))
                    .when(close(Disposition.DISMISSED, dkt(51), CASE, day(3, 15)))
                    .expectException(invalid("closedOn", "last status change"));
        }

        @Test
        void a_reopened_case_can_be_closed_again_later() {
            fixture.given(opened(), dismissedByNotice(),
                            new CaseReopened(CASE, dkt(50), day(4, 1), SOURCE))
                    .when(close(Disposition.SETTLED, dkt(51), CASE, day(4, 1)))
                    .expectEvents(new CaseClosed(CASE, Disposition.SETTLED, dkt(51), day(4, 1), SOURCE));
        }

        @Test
        void a_case_is_not_closed_without_a_source() {
            fixture.given(opened())
                    .when(new CloseCase(CASE, Disposition.DISMISSED, dkt(2), CASE, DISMISSED_ON, null))
                    .expectException(invalid("source"));
        }

        @Test
        void only_a_case_removed_from_another_court_can_be_remanded() {
            fixture.given(opened())
                    .when(close(Disposition.REMANDED, dkt(30), CASE, DISMISSED_ON))
                    .expectNoEvents()
                    .expectException(conflict("disposition", "only a case removed from another court"));
        }

        @Test
        void a_case_removed_from_the_state_court_is_remanded_to_it() {
            FilingId remandOrder = dkt(REMOVAL, 71);
            fixture.given(removalOpened(),
                            new CaseLinked(REMOVAL, Relation.REMOVED_FROM, KING_COUNTY, dkt(REMOVAL, 1),
                                    REMOVAL_FILED, SOURCE))
                    .when(new CloseCase(REMOVAL, Disposition.REMANDED, remandOrder, REMOVAL, day(9, 30), SOURCE))
                    .expectEvents(new CaseClosed(REMOVAL, Disposition.REMANDED, remandOrder, day(9, 30), SOURCE));
        }

        @Test
        void a_filing_of_another_unlinked_case_cannot_close_this_one() {
            fixture.given(opened())
                    .when(close(Disposition.DISMISSED, dkt(KING_COUNTY, 3), KING_COUNTY, DISMISSED_ON))
                    .expectNoEvents()
                    .expectException(invalid("caseId", "only when the two cases are linked"));
        }

        @Test
        void a_filing_of_a_linked_case_may_close_this_one() {
            FilingId noticeOfRemoval = dkt(REMOVAL, 1);
            fixture.given(kingCountyOpened(),
                            new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                                    SOURCE))
                    .when(new CloseCase(KING_COUNTY, Disposition.REMOVED, noticeOfRemoval, REMOVAL, REMOVAL_FILED,
                            SOURCE))
                    .expectEvents(new CaseClosed(KING_COUNTY, Disposition.REMOVED, noticeOfRemoval, REMOVAL_FILED,
                            SOURCE));
        }

        @Test
        void a_case_that_does_not_exist_cannot_be_closed() {
            fixture.givenNoPriorActivity()
                    .when(close(Disposition.DISMISSED, dkt(2), CASE, DISMISSED_ON))
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class Reopening {

        @Test
        void a_closed_case_is_reopened() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new ReopenCase(CASE, dkt(50), CASE, day(4, 1), SOURCE))
                    .expectEvents(new CaseReopened(CASE, dkt(50), day(4, 1), SOURCE));
        }

        @Test
        void an_open_case_cannot_be_reopened() {
            fixture.given(opened())
                    .when(new ReopenCase(CASE, dkt(50), CASE, day(4, 1), SOURCE))
                    .expectNoEvents()
                    .expectException(conflict("status", "only a closed case is reopened"));
        }

        @Test
        void a_reopened_case_cannot_be_reopened_again() {
            fixture.given(opened(), dismissedByNotice(), new CaseReopened(CASE, dkt(50), day(4, 1), SOURCE))
                    .when(new ReopenCase(CASE, dkt(51), CASE, day(4, 2), SOURCE))
                    .expectException(conflict("status"));
        }

        @Test
        void a_case_cannot_be_reopened_before_it_was_closed() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new ReopenCase(CASE, dkt(50), CASE, day(2, 1), SOURCE))
                    .expectException(invalid("reopenedOn", "last status change"));
        }

        @Test
        void a_removed_case_is_reopened_by_the_remand_order_of_the_linked_federal_case() {
            FilingId noticeOfRemoval = dkt(REMOVAL, 1);
            FilingId remandOrder = dkt(REMOVAL, 71);
            fixture.given(kingCountyOpened(),
                            new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                                    SOURCE),
                            new CaseClosed(KING_COUNTY, Disposition.REMOVED, noticeOfRemoval, REMOVAL_FILED, SOURCE))
                    .when(new ReopenCase(KING_COUNTY, remandOrder, REMOVAL, day(9, 30), SOURCE))
                    .expectEvents(new CaseReopened(KING_COUNTY, remandOrder, day(9, 30), SOURCE));
        }

        @Test
        void an_order_of_an_unlinked_case_cannot_reopen_this_one() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new ReopenCase(CASE, dkt(REMOVAL, 71), REMOVAL, day(9, 30), SOURCE))
                    .expectException(invalid("caseId"));
        }

        @Test
        void a_case_is_not_reopened_without_a_source() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new ReopenCase(CASE, dkt(50), CASE, day(4, 1), null))
                    .expectException(invalid("source"));
        }
    }

    @Nested
    class Linking {

        private final FilingId noticeOfRemoval = dkt(REMOVAL, 1);

        @Test
        void a_state_case_is_linked_to_the_federal_case_it_was_removed_to() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                            SOURCE))
                    .expectEvents(new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval,
                            REMOVAL_FILED, SOURCE));
        }

        @Test
        void a_case_is_not_linked_to_itself() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REFILED_AS, KING_COUNTY, noticeOfRemoval,
                            REMOVAL_FILED, SOURCE))
                    .expectException(invalid("otherCaseId"));
        }

        @Test
        void a_link_names_the_other_case() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REFILED_AS, null, noticeOfRemoval, REMOVAL_FILED,
                            SOURCE))
                    .expectException(invalid("otherCaseId"));
        }

        @Test
        void a_link_needs_a_relation() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, null, REMOVAL, noticeOfRemoval, REMOVAL_FILED, SOURCE))
                    .expectException(invalid("relation"));
        }

        @Test
        void a_case_is_not_linked_to_a_case_never_opened() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REMOVED_TO, new CaseId("wawd-2-21-cv-99999"),
                            noticeOfRemoval, REMOVAL_FILED, SOURCE))
                    .expectNoEvents()
                    .expectException(notFound("otherCaseId"));
        }

        @Test
        void the_same_link_cannot_be_recorded_twice() {
            fixture.given(kingCountyOpened(),
                            new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                                    SOURCE))
                    .when(new LinkCase(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, dkt(REMOVAL, 2), REMOVAL_FILED,
                            SOURCE))
                    .expectException(conflict("relation", "already REMOVED_TO"));
        }

        @Test
        void a_case_can_be_remanded_from_only_after_it_was_removed() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, dkt(REMOVAL, 71), day(9, 30),
                            SOURCE))
                    .expectNoEvents()
                    .expectException(conflict("relation", "a remand only of a removed case"));
        }

        @Test
        void a_removed_case_is_linked_to_the_court_that_remanded_it() {
            fixture.given(kingCountyOpened(),
                            new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                                    SOURCE))
                    .when(new LinkCase(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, dkt(REMOVAL, 71), day(9, 30),
                            SOURCE))
                    .expectEvents(new CaseLinked(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, dkt(REMOVAL, 71),
                            day(9, 30), SOURCE));
        }

        @Test
        void a_link_cannot_predate_the_case() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REFILED_FROM, CASE, null, KING_COUNTY_FILED.minusDays(1),
                            SOURCE))
                    .expectException(invalid("linkedOn"));
        }

        @Test
        void a_link_needs_a_source() {
            fixture.given(kingCountyOpened())
                    .when(new LinkCase(KING_COUNTY, Relation.REFILED_FROM, CASE, null, KING_COUNTY_FILED, null))
                    .expectException(invalid("source"));
        }
    }

    @Nested
    class RetractingEffects {

        @Test
        void the_closing_made_by_a_retracted_filing_is_undone() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new RetractCaseEffects(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, "entered on the wrong docket"))
                    .expectEvents(new CaseEffectsRetracted(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON,
                            "entered on the wrong docket"));
        }

        @Test
        void only_the_effects_of_a_filing_that_had_effects_can_be_retracted() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new RetractCaseEffects(CASE, dkt(34), day(1, 21), "recorded in error"))
                    .expectNoEvents()
                    .expectException(conflict("filingId", "has no effect on case"));
        }

        @Test
        void a_retraction_names_the_filing() {
            fixture.given(opened())
                    .when(new RetractCaseEffects(CASE, null, day(1, 21), "recorded in error"))
                    .expectException(conflict("filingId"));
        }

        @Test
        void the_effects_of_a_filing_cannot_be_retracted_twice() {
            fixture.given(opened(), dismissedByNotice(),
                            new CaseEffectsRetracted(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, "wrong docket"))
                    .when(new RetractCaseEffects(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, "again"))
                    .expectException(conflict("filingId"));
        }

        @Test
        void a_retraction_needs_a_reason() {
            fixture.given(opened(), dismissedByNotice())
                    .when(new RetractCaseEffects(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, " "))
                    .expectException(invalid("reason"));
        }

        @Test
        void after_the_retraction_the_case_is_open_again_and_can_be_closed_anew() {
            fixture.given(opened(), dismissedByNotice(),
                            new CaseEffectsRetracted(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, "wrong docket"))
                    .when(close(Disposition.DISMISSED, dkt(47), CASE, day(3, 1)))
                    .expectEvents(new CaseClosed(CASE, Disposition.DISMISSED, dkt(47), day(3, 1), SOURCE));
        }

        @Test
        void after_the_retraction_of_its_closing_the_case_cannot_be_reopened() {
            fixture.given(opened(), dismissedByNotice(),
                            new CaseEffectsRetracted(CASE, NOTICE_OF_DISMISSAL, DISMISSED_ON, "wrong docket"))
                    .when(new ReopenCase(CASE, dkt(50), CASE, day(4, 1), SOURCE))
                    .expectException(conflict("status"));
        }

        @Test
        void a_link_made_by_a_retracted_filing_is_undone_and_may_be_recorded_again() {
            FilingId noticeOfRemoval = dkt(REMOVAL, 1);
            fixture.given(kingCountyOpened(),
                            new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, noticeOfRemoval, REMOVAL_FILED,
                                    SOURCE),
                            new CaseEffectsRetracted(KING_COUNTY, noticeOfRemoval, REMOVAL_FILED, "wrong case"))
                    .when(new LinkCase(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, dkt(REMOVAL, 2), REMOVAL_FILED,
                            SOURCE))
                    .expectEvents(new CaseLinked(KING_COUNTY, Relation.REMOVED_TO, REMOVAL, dkt(REMOVAL, 2),
                            REMOVAL_FILED, SOURCE));
        }

        @Test
        void once_the_removal_link_is_retracted_the_federal_case_cannot_be_remanded() {
            fixture.given(removalOpened(),
                            new CaseLinked(REMOVAL, Relation.REMOVED_FROM, KING_COUNTY, dkt(REMOVAL, 1), REMOVAL_FILED,
                                    SOURCE),
                            new CaseEffectsRetracted(REMOVAL, dkt(REMOVAL, 1), REMOVAL_FILED, "wrong case"))
                    .when(new CloseCase(REMOVAL, Disposition.REMANDED, dkt(REMOVAL, 71), REMOVAL, day(9, 30), SOURCE))
                    .expectException(conflict("disposition"));
        }
    }
}
