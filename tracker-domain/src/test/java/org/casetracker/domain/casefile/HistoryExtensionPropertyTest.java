package org.casetracker.domain.casefile;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.casetracker.domain.casefile.BitemporalOraclePropertyTest.Scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history as known now, extended by what is recorded after it (ADR 0022), is the history resolved afresh: the
 * generated cases of {@link BitemporalOraclePropertyTest} (recorded out of legal order, corrected, retracted) are
 * recorded a few events at a time, the way the case-file projection hands its batches to the cache. After each batch
 * the history is extended when {@link ResolvedHistory#extendedBy} allows it and resolved afresh otherwise, and its
 * checkpoints are carried over ({@link FoldCheckpoints#extendedTo}); then every read, at every legal date and with no
 * cut, with and without retracted entries, must equal the fold from scratch of every event recorded so far.
 */
class HistoryExtensionPropertyTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return new BitemporalOraclePropertyTest().scenarios();
    }

    @Property(tries = 250)
    void a_history_extended_batch_by_batch_reads_as_the_history_resolved_afresh(
            @ForAll("scenarios") Scenario scenario, @ForAll @IntRange(min = 1, max = 3) int batch,
            @ForAll @IntRange(min = 1, max = 3) int interval) {
        List<RecordedEvent> events = scenario.events();
        List<LocalDate> dates = new ArrayList<>(scenario.dates());
        dates.add(null);
        List<FoldCheckpoints> folds = null;
        int folded = 0; // events in the history the checkpoints are of
        int extended = 0;
        for (int end = Math.min(batch, events.size()); ; end = Math.min(end + batch, events.size())) {
            List<RecordedEvent> recorded = events.subList(0, end);
            ResolvedHistory afresh = ResolvedHistory.of(recorded, null);
            if (folds != null) {
                List<RecordedEvent> later = recorded.subList(folded, end);
                Optional<ResolvedHistory> longer = folds.get(0).history().extendedBy(later);
                if (longer.isPresent()) {
                    assertThat(longer.get().legalOrder()).as("the legal order after %d events", end)
                            .isEqualTo(afresh.legalOrder());
                    folds = List.of(folds.get(0).extendedTo(longer.get()), folds.get(1).extendedTo(longer.get()));
                    extended++;
                } else {
                    folds = null;
                }
            }
            if (folds == null) {
                folds = List.of(FoldCheckpoints.of(afresh, false, interval), FoldCheckpoints.of(afresh, true, interval));
            }
            for (FoldCheckpoints fold : folds) {
                boolean includeRetracted = fold == folds.get(1);
                for (LocalDate asOf : dates) {
                    assertThat(fold.fold(asOf, null))
                            .as("after %d of %d events, asOf %s, includeRetracted %s, history:%n%s", end,
                                    events.size(), asOf, includeRetracted, scenario.describe())
                            .isEqualTo(CaseFileFold.fold(recorded, asOf, null, includeRetracted));
                }
            }
            folded = end;
            if (end == events.size()) {
                break;
            }
        }
        Statistics.label("batches extended rather than resolved afresh").collect(extended > 0);
    }
}
