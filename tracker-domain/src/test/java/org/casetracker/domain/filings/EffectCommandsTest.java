package org.casetracker.domain.filings;

import org.casetracker.domain.cases.CaseCommands.CloseCase;
import org.casetracker.domain.cases.CaseCommands.LinkCase;
import org.casetracker.domain.cases.CaseCommands.ReopenCase;
import org.casetracker.domain.cases.CaseCommands.RetractCaseEffects;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.cases.Relation;
import org.casetracker.domain.claims.ClaimCommands.DisposeOfClaim;
import org.casetracker.domain.claims.ClaimCommands.RecordFinding;
import org.casetracker.domain.claims.ClaimCommands.RetractClaimEffects;
import org.casetracker.domain.claims.ClaimStatus;
import org.casetracker.domain.claims.Finding;
import org.casetracker.domain.filings.FilingCommands.DecideMotion;
import org.casetracker.domain.filings.FilingCommands.RetractMotionRuling;
import org.casetracker.domain.shared.FilingId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.EffectList.effects;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.KING_COUNTY;
import static org.casetracker.domain.support.Parler.REMOVAL;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.count;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;

class EffectCommandsTest {

    private static final FilingId REMAND_ORDER = FilingId.numbered(REMOVAL, 69);
    private static final LocalDate REMANDED_ON = day(9, 17);

    @Test
    void the_remand_order_links_both_cases_before_it_closes_one_and_reopens_the_other() {
        FilingEffects remand = effects().link(REMOVAL, Relation.REMANDED_TO, KING_COUNTY)
                .closing(REMOVAL, Disposition.REMANDED).reopening(KING_COUNTY).build();
        assertThat(EffectCommands.toApply(REMAND_ORDER, REMOVAL, REMANDED_ON, SOURCE, remand)).containsExactly(
                new LinkCase(REMOVAL, Relation.REMANDED_TO, KING_COUNTY, REMAND_ORDER, REMANDED_ON, SOURCE),
                new LinkCase(KING_COUNTY, Relation.REMANDED_FROM, REMOVAL, REMAND_ORDER, REMANDED_ON, SOURCE),
                new CloseCase(REMOVAL, Disposition.REMANDED, REMAND_ORDER, REMOVAL, REMANDED_ON, SOURCE),
                new ReopenCase(KING_COUNTY, REMAND_ORDER, REMOVAL, REMANDED_ON, SOURCE));
    }

    @Test
    void each_effect_of_an_order_is_dated_with_the_order_and_sourced_to_it() {
        FilingEffects order = effects().motion(dkt(2), MotionStatus.DENIED)
                .finding(count(1), Finding.NOT_LIKELY_TO_SUCCEED)
                .disposition(count(2), ClaimStatus.DISMISSED_WITHOUT_PREJUDICE).build();
        assertThat(EffectCommands.toApply(dkt(34), CASE, day(1, 21), SOURCE, order)).containsExactly(
                new DecideMotion(dkt(2), CASE, MotionStatus.DENIED, dkt(34), day(1, 21), SOURCE),
                new RecordFinding(count(1), CASE, Finding.NOT_LIKELY_TO_SUCCEED, dkt(34), day(1, 21), SOURCE),
                new DisposeOfClaim(count(2), CASE, ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, dkt(34), day(1, 21),
                        SOURCE));
    }

    @Test
    void an_entry_without_effects_sends_nothing() {
        assertThat(EffectCommands.toApply(dkt(1), CASE, day(1, 11), SOURCE, FilingEffects.NONE)).isEmpty();
        assertThat(EffectCommands.toUndo(dkt(1), day(1, 11), FilingEffects.NONE, "error")).isEmpty();
    }

    @Test
    void a_retraction_undoes_once_on_every_aggregate_the_filing_touched() {
        FilingEffects order = effects().motion(dkt(2), MotionStatus.DENIED)
                .finding(count(1), Finding.NOT_LIKELY_TO_SUCCEED)
                .disposition(count(1), ClaimStatus.DISMISSED_WITH_PREJUDICE)
                .closing(CASE, Disposition.DISMISSED)
                .link(CASE, Relation.REFILED_AS, KING_COUNTY).build();
        assertThat(EffectCommands.toUndo(dkt(40), day(2, 1), order, "wrong docket")).containsExactly(
                new RetractMotionRuling(dkt(2), dkt(40), day(2, 1), "wrong docket"),
                new RetractClaimEffects(count(1), dkt(40), day(2, 1), "wrong docket"),
                new RetractCaseEffects(CASE, dkt(40), day(2, 1), "wrong docket"),
                new RetractCaseEffects(KING_COUNTY, dkt(40), day(2, 1), "wrong docket"));
    }
}
