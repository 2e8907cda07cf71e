package org.casetracker.domain.cases;

import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.KING_COUNTY;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.opened;

class CaseStateTest {

    private static CaseState fold(CaseEvent... events) {
        CaseState state = CaseState.NONE;
        for (CaseEvent event : events) {
            state = CaseState.evolve(state, event);
        }
        return state;
    }

    @Test
    void an_opened_case_is_open_with_no_disposition() {
        CaseState state = fold(opened());
        assertThat(state.caseId()).isEqualTo(CASE);
        assertThat(state.filedOn()).isEqualTo(FILED);
        assertThat(state.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(state.disposition()).isNull();
        assertThat(state.latestChange()).isEmpty();
    }

    @Test
    void a_closing_sets_status_and_disposition() {
        CaseState state = fold(opened(), new CaseClosed(CASE, Disposition.VOLUNTARILY_DISMISSED, dkt(46), day(3, 2),
                SOURCE));
        assertThat(state.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(state.disposition()).isEqualTo(Disposition.VOLUNTARILY_DISMISSED);
        assertThat(state.hasEffectsOf(dkt(46))).isTrue();
        assertThat(state.hasEffectsOf(dkt(45))).isFalse();
    }

    @Test
    void the_status_in_force_is_the_latest_in_legal_order_not_in_recorded_order() {
        CaseState state = fold(opened(),
                new CaseReopened(CASE, dkt(50), day(4, 1), SOURCE),
                new CaseClosed(CASE, Disposition.DISMISSED, dkt(46), day(3, 2), SOURCE));
        assertThat(state.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(state.latestChange()).get().extracting(CaseState.StatusChange::byFiling).isEqualTo(dkt(50));
    }

    @Test
    void on_the_same_day_the_change_recorded_last_is_in_force() {
        CaseState state = fold(opened(),
                new CaseClosed(CASE, Disposition.DISMISSED, dkt(46), day(3, 2), SOURCE),
                new CaseReopened(CASE, dkt(47), day(3, 2), SOURCE));
        assertThat(state.status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void a_retraction_undoes_exactly_the_changes_and_links_of_its_filing() {
        CaseState state = fold(opened(),
                new CaseLinked(CASE, Relation.REFILED_AS, KING_COUNTY, dkt(46), day(3, 2), SOURCE),
                new CaseClosed(CASE, Disposition.VOLUNTARILY_DISMISSED, dkt(46), day(3, 2), SOURCE),
                new CaseLinked(CASE, Relation.REFILED_AS, KING_COUNTY, dkt(47), day(3, 3), SOURCE),
                new CaseEffectsRetracted(CASE, dkt(46), day(3, 2), "wrong docket"));
        assertThat(state.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(state.statusChanges()).isEmpty();
        assertThat(state.links()).containsExactly(
                new CaseState.Linked(dkt(47), new CaseLink(Relation.REFILED_AS, KING_COUNTY)));
        assertThat(state.hasEffectsOf(dkt(46))).isFalse();
    }

    @Test
    void links_answer_by_relation_and_by_other_case() {
        CaseState state = fold(opened(), new CaseLinked(CASE, Relation.REFILED_AS, KING_COUNTY, dkt(46), day(3, 2),
                SOURCE));
        assertThat(state.hasRelation(Relation.REFILED_AS)).isTrue();
        assertThat(state.hasRelation(Relation.REMOVED_TO)).isFalse();
        assertThat(state.isLinkedTo(KING_COUNTY)).isTrue();
        assertThat(state.hasLink(new CaseLink(Relation.REFILED_AS, KING_COUNTY))).isTrue();
        assertThat(state.hasLink(new CaseLink(Relation.REFILED_FROM, KING_COUNTY))).isFalse();
    }

    @Test
    void every_relation_has_its_inverse() {
        for (Relation relation : Relation.values()) {
            assertThat(relation.inverse()).isNotEqualTo(relation);
            assertThat(relation.inverse().inverse()).isEqualTo(relation);
        }
        assertThat(List.of(Relation.REMOVED_TO.inverse(), Relation.REMANDED_TO.inverse()))
                .containsExactly(Relation.REMOVED_FROM, Relation.REMANDED_FROM);
    }
}
