package org.casetracker.domain.claims;

import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.antitrustClaim;
import static org.casetracker.domain.support.Parler.count;
import static org.casetracker.domain.support.Parler.day;
import static org.casetracker.domain.support.Parler.dkt;

class ClaimStateTest {

    private static ClaimState fold(ClaimEvent... events) {
        ClaimState state = ClaimState.NONE;
        for (ClaimEvent event : events) {
            state = ClaimState.evolve(state, event);
        }
        return state;
    }

    private static final FindingRecorded FINDING = new FindingRecorded(count(1), CASE, Finding.NOT_LIKELY_TO_SUCCEED,
            dkt(34), day(1, 21), SOURCE);
    private static final ClaimDisposed DISMISSED = new ClaimDisposed(count(1), CASE,
            ClaimStatus.DISMISSED_WITHOUT_PREJUDICE, dkt(46), day(3, 2), SOURCE);

    @Test
    void an_asserted_count_is_pending_without_findings() {
        ClaimState state = fold(antitrustClaim());
        assertThat(state.caseId()).isEqualTo(CASE);
        assertThat(state.assertedOn()).isEqualTo(FILED);
        assertThat(state.findings()).isEmpty();
        assertThat(state.disposition()).isEmpty();
    }

    @Test
    void findings_and_the_disposition_are_kept_with_their_filing() {
        ClaimState state = fold(antitrustClaim(), FINDING, DISMISSED);
        assertThat(state.findings()).containsExactly(
                new ClaimState.Made(dkt(34), "NOT_LIKELY_TO_SUCCEED", day(1, 21)));
        assertThat(state.disposition()).contains(
                new ClaimState.Made(dkt(46), "DISMISSED_WITHOUT_PREJUDICE", day(3, 2)));
        assertThat(state.hasEffectsOf(dkt(34))).isTrue();
        assertThat(state.hasEffectsOf(dkt(46))).isTrue();
        assertThat(state.hasEffectsOf(dkt(1))).isFalse();
    }

    @Test
    void a_retraction_undoes_only_what_its_filing_made() {
        ClaimState state = fold(antitrustClaim(), FINDING, DISMISSED,
                new ClaimEffectsRetracted(count(1), CASE, dkt(46), day(3, 2), "wrong docket"));
        assertThat(state.disposition()).isEmpty();
        assertThat(state.findings()).hasSize(1);
        assertThat(state.hasEffectsOf(dkt(46))).isFalse();
    }
}
