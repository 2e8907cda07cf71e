package org.casetracker.app.casefile;

import org.casetracker.domain.casefile.FoldCheckpoints;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.casefile.ResolvedHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The events of one case as last read, with the count and last position of the case's index rows they were read at,
 * and (once asked for) their resolution as known now, which every read at a later moment shares, with its fold
 * checkpoints; and the resolution of the one earlier moment last read (ADR 0017). Immutable but for those, which are
 * worked out once and then never change: a case with more events is a new {@code CachedCase}, extended from this one
 * ({@link #extendedBy}) when the new events only extend its legal order (ADR 0022).
 */
final class CachedCase {

    private final List<RecordedEvent> events;
    private final long count;
    private final long lastPosition;
    private final Instant[] recordedInstants; // sorted: how many events were known at a moment
    private final int minInterval;
    private volatile ResolvedHistory known;
    private final AtomicReferenceArray<FoldCheckpoints> knownFolds;
    private volatile EarlierCut earlier;

    /** The case as known at an earlier moment: the events recorded by then, resolved, with their fold checkpoints. */
    private record EarlierCut(int cut, ResolvedHistory history, AtomicReferenceArray<FoldCheckpoints> folds) {
    }

    private CachedCase(List<RecordedEvent> events, long count, long lastPosition, Instant[] recordedInstants,
                       int minInterval, ResolvedHistory known, AtomicReferenceArray<FoldCheckpoints> knownFolds,
                       EarlierCut earlier) {
        this.events = events;
        this.count = count;
        this.lastPosition = lastPosition;
        this.recordedInstants = recordedInstants;
        this.minInterval = minInterval;
        this.known = known;
        this.knownFolds = knownFolds;
        this.earlier = earlier;
    }

    /** The case's events as read from the store, in store order, at the index's {@code count} and last position. */
    static CachedCase of(List<RecordedEvent> events, long count, long lastPosition, int minInterval) {
        return new CachedCase(Collections.unmodifiableList(new ArrayList<>(events)), count, lastPosition,
                events.stream().map(RecordedEvent::recordedAt).sorted().toArray(Instant[]::new), minInterval, null,
                new AtomicReferenceArray<>(2), null);
    }

    /**
     * This case with {@code later} events (recorded after all of its own, in store order) added, at the index's new
     * {@code count} and last position. When they only extend the legal order, the resolution as known now and its
     * checkpoints go on from this one's; otherwise they are resolved afresh when next asked for.
     */
    CachedCase extendedBy(List<RecordedEvent> later, long count, long lastPosition) {
        List<RecordedEvent> all = new ArrayList<>(events.size() + later.size());
        all.addAll(events);
        all.addAll(later);
        Instant[] instants = Arrays.copyOf(recordedInstants, all.size());
        boolean inOrder = true;
        for (int i = 0; i < later.size(); i++) {
            Instant at = later.get(i).recordedAt();
            int slot = events.size() + i;
            inOrder &= slot == 0 || !at.isBefore(instants[slot - 1]);
            instants[slot] = at;
        }
        if (!inOrder) {
            Arrays.sort(instants);
        }
        ResolvedHistory now = known;
        Optional<ResolvedHistory> extended = now == null ? Optional.empty() : now.extendedBy(later);
        AtomicReferenceArray<FoldCheckpoints> folds = new AtomicReferenceArray<>(2);
        extended.ifPresent(history -> {
            for (int flag = 0; flag < 2; flag++) {
                FoldCheckpoints fold = knownFolds.get(flag);
                folds.set(flag, fold == null ? null : fold.extendedTo(history));
            }
        });
        // an earlier moment's cut still holds when the new events were all recorded after every event it knew
        return new CachedCase(Collections.unmodifiableList(all), count, lastPosition, instants, minInterval,
                extended.orElse(null), folds, inOrder ? earlier : null);
    }

    List<RecordedEvent> events() {
        return events;
    }

    long count() {
        return count;
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Whether the case's index rows still have the count and last position these events were read at. */
    boolean matches(long count, long lastPosition) {
        return this.count == count && this.lastPosition == lastPosition;
    }

    ResolvedHistory asKnownAt(Instant knownAt) {
        if (knownBefore(knownAt) < events.size()) {
            return ResolvedHistory.of(events, knownAt);
        }
        return asKnownNow();
    }

    private ResolvedHistory asKnownNow() {
        ResolvedHistory current = known;
        if (current == null) {
            current = ResolvedHistory.of(events, null);
            known = current;
        }
        return current;
    }

    /**
     * The fold of the history as known at {@code knownAt}. Moments at which the same events were known share a
     * resolution: now (any moment after the last event), and the one earlier cut read last.
     */
    FoldCheckpoints foldKnownAt(Instant knownAt, boolean includeRetracted) {
        int flag = includeRetracted ? 1 : 0;
        int cut = knownBefore(knownAt);
        if (cut == events.size()) {
            FoldCheckpoints folds = knownFolds.get(flag);
            if (folds == null) {
                folds = FoldCheckpoints.of(asKnownNow(), includeRetracted, minInterval);
                knownFolds.compareAndSet(flag, null, folds);
            }
            return folds;
        }
        EarlierCut last = earlier;
        if (last == null || last.cut() != cut) {
            last = new EarlierCut(cut, ResolvedHistory.of(events, knownAt), new AtomicReferenceArray<>(2));
            earlier = last;
        }
        FoldCheckpoints folds = last.folds().get(flag);
        if (folds == null) {
            folds = FoldCheckpoints.of(last.history(), includeRetracted, minInterval);
            last.folds().compareAndSet(flag, null, folds);
        }
        return folds;
    }

    /** How many of the case's events were recorded at or before {@code knownAt} (null: all). */
    private int knownBefore(Instant knownAt) {
        if (knownAt == null) {
            return recordedInstants.length;
        }
        int low = 0;
        int high = recordedInstants.length;
        while (low < high) { // the first instant after knownAt
            int middle = (low + high) >>> 1;
            if (recordedInstants[middle].isAfter(knownAt)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
