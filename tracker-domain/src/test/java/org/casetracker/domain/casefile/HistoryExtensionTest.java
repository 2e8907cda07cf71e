package org.casetracker.domain.casefile;

import org.casetracker.domain.filings.FilingChanges;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingType;
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

/**
 * What extends a history as known now without resolving it again (ADR 0022): filings recorded in docket order do,
 * for ever; a correction, a retraction, a back-dated filing or an entry that goes before the docket's last one does
 * not.
 */
class HistoryExtensionTest {

    private static final Instant FIRST = Instant.parse("2024-06-03T09:00:00Z");

    private final List<RecordedEvent> recorded = new ArrayList<>();

    private RecordedEvent record(DocketEvent event) {
        RecordedEvent next = new RecordedEvent(event, recorded.size() + 1, FIRST.plusMillis(recorded.size()),
                "event-" + (recorded.size() + 1));
        recorded.add(next);
        return next;
    }

    private static FilingRecorded filing(int number, LocalDate on) {
        return new FilingRecorded(dkt(number), CASE, number, on, false, "Party", FilingType.NOTICE, "Notice " + number,
                null, null, List.of(), SOURCE, FilingEffects.NONE);
    }

    @Test
    void aDocketRecordedInDocketOrderIsExtendedFilingByFilingAndItsCheckpointsStayBounded() {
        record(opened());
        ResolvedHistory history = ResolvedHistory.of(recorded, null);
        FoldCheckpoints checkpoints = FoldCheckpoints.of(history, false, 1);
        for (int n = 1; n <= 3_000; n++) {
            RecordedEvent next = record(filing(n, FILED.plusDays(n / 3)));
            history = history.extendedBy(List.of(next)).orElseThrow();
            checkpoints = checkpoints.extendedTo(history);
            CaseFile live = checkpoints.fold(null, null).orElseThrow();
            assertThat(live.docket()).hasSize(n);
            assertThat(live.lastPosition()).isEqualTo(next.position());
        }
        assertThat(history.legalOrder()).isEqualTo(ResolvedHistory.of(recorded, null).legalOrder());
        assertThat(checkpoints.taken()).as("at most twice the checkpoints of a history resolved afresh")
                .isLessThanOrEqualTo(2 * FoldCheckpoints.MAX_CHECKPOINTS);
        for (int day = 0; day <= 1_001; day += 77) {
            LocalDate asOf = FILED.plusDays(day);
            assertThat(checkpoints.fold(asOf, null)).as("as of %s", asOf)
                    .isEqualTo(CaseFileFold.fold(recorded, asOf, null, false));
        }
    }

    @Test
    void fixesOfTheRecordBackDatedFilingsAndEntriesBeforeTheLastOneAreResolvedAfresh() {
        record(opened());
        record(filing(1, FILED.plusDays(1)));
        record(filing(3, FILED.plusDays(5)));
        ResolvedHistory history = ResolvedHistory.of(recorded, null);
        long next = recorded.size() + 1;

        assertThat(history.extendedBy(List.of(later(next, filing(2, FILED.plusDays(2)))))).as("back-dated").isEmpty();
        assertThat(history.extendedBy(List.of(later(next, filing(2, FILED.plusDays(5))))))
                .as("the same day as the last entry, a lower number").isEmpty();
        assertThat(history.extendedBy(List.of(later(next, new FilingCorrected(dkt(1), CASE,
                new FilingChanges(null, null, null, null, "Notice 1 (corrected)", null, null, null, null),
                "a typo", FILED.plusDays(1), List.of()))))).as("a correction").isEmpty();
        assertThat(history.extendedBy(List.of(later(next, new FilingRetracted(dkt(1), CASE, FILED.plusDays(1),
                "recorded in error", FilingEffects.NONE))))).as("a retraction").isEmpty();
        assertThat(history.extendedBy(List.of(later(2, filing(4, FILED.plusDays(6)))))).as("not recorded after it")
                .isEmpty();
        assertThat(history.extendedBy(List.of(later(next, filing(4, FILED.plusDays(5)))))).as("the same day, after it")
                .isPresent();
    }

    private static RecordedEvent later(long position, DocketEvent event) {
        return new RecordedEvent(event, position, FIRST.plusSeconds(60), "later-" + position);
    }
}
