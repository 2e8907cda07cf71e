package org.casetracker.domain.casefile;

import org.casetracker.domain.casefile.ResolvedHistory.Dated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@link CaseFileFold} over one resolved history, for many reads at different legal dates: the fold's state is
 * kept every {@code interval} events of the legal order, so a read goes on from the nearest checkpoint at or
 * before its {@code asOf} and folds at most {@code interval - 1} events. The same {@link CaseFileBuilder} folds
 * from a checkpoint as from nothing, so a read equals the fold from scratch (ADR 0004, ADR 0017).
 * <p>
 * Checkpoints are taken by the reads themselves as they pass them, so a history read once costs no more than
 * one fold. At most {@value #MAX_CHECKPOINTS} + 1 per history (twice as many for one extended by later events,
 * {@link #extendedTo}): the interval grows with the history (at least {@value #MIN_INTERVAL} events), so their memory
 * stays linear in the docket: one reference per docket entry per checkpoint at most. Thread-safe: checkpoints never
 * change once published.
 */
public final class FoldCheckpoints {

    static final int MAX_CHECKPOINTS = 32;
    public static final int MIN_INTERVAL = 64;

    private final ResolvedHistory history;
    private final boolean includeRetracted;
    private final int interval;
    private final AtomicReferenceArray<CaseFileBuilder> checkpoints; // [i]: the state after i * interval events; [0] stays empty

    FoldCheckpoints(ResolvedHistory history, boolean includeRetracted, int interval) {
        this.history = history;
        this.includeRetracted = includeRetracted;
        this.interval = interval;
        this.checkpoints = new AtomicReferenceArray<>(history.legalOrder().size() / interval + 1);
    }

    /** Checkpoints for reads of {@code history}, with or without retracted entries. */
    public static FoldCheckpoints of(ResolvedHistory history, boolean includeRetracted) {
        return of(history, includeRetracted, MIN_INTERVAL);
    }

    /**
     * The same with another least interval (tests use 1 or 2, so that small cases have checkpoints too); the
     * interval is that or, in a longer history, its length / {@value #MAX_CHECKPOINTS}.
     */
    public static FoldCheckpoints of(ResolvedHistory history, boolean includeRetracted, int minInterval) {
        int events = history.legalOrder().size();
        int interval = Math.max(Math.max(1, minInterval), (events + MAX_CHECKPOINTS - 1) / MAX_CHECKPOINTS);
        return new FoldCheckpoints(history, includeRetracted, interval);
    }

    public ResolvedHistory history() {
        return history;
    }

    /**
     * Checkpoints for {@code longer}, a history whose legal order begins with all of this one's
     * ({@link ResolvedHistory#extendedBy}): every checkpoint taken here is a state of its fold too, so its reads go on
     * from them instead of folding it from scratch (ADR 0022). The interval stays while the longer history holds at
     * most {@value #MAX_CHECKPOINTS} * 2 of them and doubles (every second checkpoint kept) beyond: extended again and
     * again, a history keeps at most twice as many as one resolved afresh, and its memory stays linear in the docket.
     */
    public FoldCheckpoints extendedTo(ResolvedHistory longer) {
        List<Dated> own = history.legalOrder();
        List<Dated> extended = longer.legalOrder();
        if (extended.size() < own.size() || !own.isEmpty() && extended.get(own.size() - 1) != own.get(own.size() - 1)) {
            throw new IllegalArgumentException("the longer history does not extend this one");
        }
        int wider = interval;
        while (extended.size() / wider > 2 * MAX_CHECKPOINTS) {
            wider *= 2;
        }
        FoldCheckpoints next = new FoldCheckpoints(longer, includeRetracted, wider);
        for (int i = 1; i < checkpoints.length(); i++) {
            CaseFileBuilder checkpoint = checkpoints.get(i);
            long after = (long) i * interval;
            if (checkpoint != null && after % wider == 0) {
                next.checkpoints.set((int) (after / wider), checkpoint);
            }
        }
        return next;
    }

    /** The case on {@code asOf} (null: no cut), as the history is known; {@code knownAt} is only reported. */
    public Optional<CaseFile> fold(LocalDate asOf, Instant knownAt) {
        List<Dated> legalOrder = history.legalOrder();
        int end = history.countUpTo(asOf);
        int nearest = end / interval;
        CaseFileBuilder start = checkpoints.get(nearest);
        while (start == null && nearest > 0) {
            start = checkpoints.get(--nearest);
        }
        CaseFileBuilder file = start == null ? new CaseFileBuilder(history, includeRetracted)
                : start.resume(history, end);
        for (int i = nearest * interval; i < end; i++) {
            file.evolve(legalOrder.get(i));
            int folded = i + 1;
            if (folded % interval == 0 && checkpoints.get(folded / interval) == null) {
                checkpoints.compareAndSet(folded / interval, null, file.checkpoint());
            }
        }
        return file.build(asOf, knownAt);
    }

    /** References held by the checkpoints taken so far (4 bytes each with compressed pointers). */
    public long references() {
        long references = 0;
        for (int i = 0; i < checkpoints.length(); i++) {
            CaseFileBuilder checkpoint = checkpoints.get(i);
            references += checkpoint == null ? 0 : checkpoint.references();
        }
        return references;
    }

    /** How many checkpoints the reads have taken so far. */
    public int taken() {
        int taken = 0;
        for (int i = 0; i < checkpoints.length(); i++) {
            taken += checkpoints.get(i) == null ? 0 : 1;
        }
        return taken;
    }

    int interval() {
        return interval;
    }
}
