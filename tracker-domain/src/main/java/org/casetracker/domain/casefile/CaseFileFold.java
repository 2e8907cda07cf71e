package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.ResolvedHistory.Dated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one fold of a case: its events, cut by the two clocks, in legal order, into a {@link CaseFile}.
 * The live projection and every as-of read call this same function, so they cannot disagree.
 * It is pure: the same events and cut-offs always give the same case file.
 */
public final class CaseFileFold {

    private CaseFileFold() {
    }

    /**
     * @param events           every event of one case, in any order
     * @param asOf             the legal date to show the case on; null for no cut (everything recorded)
     * @param knownAt          the instant the record is read as of; null for everything recorded
     * @param includeRetracted whether entries retracted as recorded in error stay in the docket, marked
     * @return the case file, or empty when the case was not yet filed on {@code asOf} (or not yet recorded)
     */
    public static Optional<CaseFile> fold(List<RecordedEvent> events, LocalDate asOf, Instant knownAt,
                                          boolean includeRetracted) {
        return fold(ResolvedHistory.of(events, knownAt), asOf, knownAt, includeRetracted);
    }

    /** The same fold over a history already resolved as known at {@code knownAt} (e.g. kept in a cache). */
    public static Optional<CaseFile> fold(ResolvedHistory history, LocalDate asOf, Instant knownAt,
                                          boolean includeRetracted) {
        CaseFileBuilder file = new CaseFileBuilder(history, includeRetracted);
        for (Dated dated : history.upTo(asOf)) {
            file.evolve(dated);
        }
        return file.build(asOf, knownAt);
    }
}
