package org.casetracker.domain.casefile;

import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEffects.MotionRuling;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.DocketEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.domain.support.Parler.CASE;
import static org.casetracker.domain.support.Parler.FILED;
import static org.casetracker.domain.support.Parler.SOURCE;
import static org.casetracker.domain.support.Parler.dkt;
import static org.casetracker.domain.support.Parler.opened;

/** The checkpoints of a long docket: how many, how far apart, what they hold, and that reads from them are exact. */
class FoldCheckpointsTest {

    private static final int ENTRIES = 5_000;

    /** An opening and a docket of {@code ENTRIES} entries, one a day; every tenth a motion decided by the next. */
    private static List<RecordedEvent> longDocket() {
        List<DocketEvent> events = new ArrayList<>();
        events.add(opened());
        for (int n = 1; n <= ENTRIES; n++) {
            LocalDate day = FILED.plusDays(n);
            boolean motion = n % 10 == 1;
            boolean order = n % 10 == 2;
            FilingEffects effects = order
                    ? new FilingEffects(List.of(new MotionRuling(dkt(n - 1), MotionStatus.DENIED)), null, null, null,
                    null)
                    : FilingEffects.NONE;
            FilingType type = motion ? FilingType.MOTION : order ? FilingType.ORDER : FilingType.NOTICE;
            events.add(new FilingRecorded(dkt(n), CASE, n, day, false, order ? "Court" : "Party", type,
                    type + " " + n, null, null, List.of(), SOURCE, effects));
            if (order) {
                events.add(new MotionDecided(dkt(n - 1), CASE, MotionStatus.DENIED, dkt(n), day, SOURCE));
            }
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        Instant at = Instant.parse("2024-06-03T09:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedEvent(events.get(i), i + 1, at.plusMillis(i), "event-" + (i + 1)));
        }
        return recorded;
    }

    @Test
    void aLongDocketHasAtMost33CheckpointsEachHoldingAtMostItsDocketAndReadsFromThemAreExact() {
        List<RecordedEvent> events = longDocket();
        ResolvedHistory history = ResolvedHistory.of(events, null);
        FoldCheckpoints checkpoints = FoldCheckpoints.of(history, false);
        int legalEvents = history.legalOrder().size();
        assertThat(legalEvents).isEqualTo(ENTRIES + ENTRIES / 10 + 1);
        assertThat(checkpoints.interval()).as("the interval grows so that there are at most 32 checkpoints")
                .isEqualTo((legalEvents + 31) / 32).isGreaterThan(FoldCheckpoints.MIN_INTERVAL);

        assertThat(checkpoints.fold(null, null)).isEqualTo(CaseFileFold.fold(history, null, null, false));
        assertThat(checkpoints.taken()).isEqualTo(legalEvents / checkpoints.interval()).isLessThanOrEqualTo(32);
        // each checkpoint holds at most a reference per docket entry filed by then: half the docket on average
        assertThat(checkpoints.references()).isLessThanOrEqualTo((long) checkpoints.taken() * ENTRIES)
                .isGreaterThan(0);

        for (int day = 0; day <= ENTRIES + 1; day += 97) {
            LocalDate asOf = FILED.plusDays(day);
            CaseFile fromCheckpoint = checkpoints.fold(asOf, null).orElseThrow();
            assertThat(fromCheckpoint).as("as of %s", asOf).isEqualTo(CaseFileFold.fold(history, asOf, null, false)
                    .orElseThrow());
            assertThat(fromCheckpoint.docket()).hasSize(Math.min(day, ENTRIES));
        }
        // a motion filed the day before the cut is still pending; one decided on the cut's day is decided
        CaseFile file = checkpoints.fold(FILED.plusDays(2_001), null).orElseThrow();
        assertThat(file.docket().get(2_000).status()).isEqualTo(MotionStatus.PENDING);
        assertThat(checkpoints.fold(FILED.plusDays(2_002), null).orElseThrow().docket().get(2_000).status())
                .isEqualTo(MotionStatus.DENIED);
    }

    @Test
    void aShortHistoryGetsACheckpointEvery64Events() {
        ResolvedHistory history = ResolvedHistory.of(longDocket().subList(0, 200), null);
        FoldCheckpoints checkpoints = FoldCheckpoints.of(history, true);
        assertThat(checkpoints.interval()).isEqualTo(FoldCheckpoints.MIN_INTERVAL);
        checkpoints.fold(null, null);
        assertThat(checkpoints.taken()).isEqualTo(200 / 64);
    }
}
