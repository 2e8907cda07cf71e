package org.casetracker.app.casefile;

import jakarta.persistence.EntityManager;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.casetracker.domain.casefile.FoldCheckpoints;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.casefile.ResolvedHistory;
import org.casetracker.domain.shared.DocketEvent;
import org.hibernate.jpa.HibernateHints;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/**
 * Reads the events of one case from the event store, through the case's index rows: queries that
 * touch only that case's events, whatever else the store holds. Whole streams, never snapshots.
 * <p>
 * Events never change once stored, so the deserialized events of recently read cases are kept in a
 * bounded cache. Before every use the cache is checked against the index (count and last position of
 * the case's rows, one indexed query); events added since are read and appended, anything else
 * (a rebuild, an event filling a gap) reloads the case.
 */
@Component
public class CaseEventStore {

    private static final String SHAPE_OF_CASE = """
            select count(c), max(c.globalIndex) from CaseEventRow c where c.caseId = :caseId""";

    // a join, not "globalIndex in (select …)": H2 builds a sorted distinct set of the subquery's rows first, which
    // took most of the live projection's time in a flight recording of the store benchmark's recording phase
    private static final String EVENTS_OF_CASE_AFTER = """
            select c.globalIndex, e from CaseEventRow c join DomainEventEntry e on e.globalIndex = c.globalIndex
            where c.caseId = :caseId and c.globalIndex > :after
            order by c.globalIndex""";

    /**
     * The events of one case as last read, with the count and last position they were read at, and
     * (once asked for) their resolution as known now, which every read at a later moment shares, with
     * its fold checkpoints; and the resolution of the one earlier moment last read (ADR 0017).
     */
    private static final class Cached {
        private final List<RecordedEvent> events;
        private final long count;
        private final long lastPosition;
        private final Instant[] recordedInstants; // sorted: how many events were known at a moment
        private volatile ResolvedHistory known;
        private final AtomicReferenceArray<FoldCheckpoints> knownFolds = new AtomicReferenceArray<>(2);
        private volatile EarlierCut earlier;
        private final int minInterval;

        Cached(List<RecordedEvent> events, long count, long lastPosition, int minInterval) {
            this.events = events;
            this.minInterval = minInterval;
            this.count = count;
            this.lastPosition = lastPosition;
            this.recordedInstants = events.stream().map(RecordedEvent::recordedAt).sorted().toArray(Instant[]::new);
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

    /** The case as known at an earlier moment: the events recorded by then, resolved, with their fold checkpoints. */
    private record EarlierCut(int cut, ResolvedHistory history, AtomicReferenceArray<FoldCheckpoints> folds) {
    }

    private final EntityManager entityManager;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Map<String, Cached> cache;
    private final int checkpointInterval;

    /** {@code upcasters}: the same upcasters the event store reads through, so old revisions read as new here too. */
    public CaseEventStore(EntityManager entityManager, @Qualifier("eventSerializer") Serializer serializer,
                          List<EventUpcaster> upcasters,
                          @Value("${tracker.cache.max-events:500000}") long maxCachedEvents,
                          @Value("${tracker.cache.checkpoint-interval:" + FoldCheckpoints.MIN_INTERVAL + "}")
                          int checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
        this.entityManager = entityManager;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters);
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private long size;

            @Override
            public Cached put(String key, Cached value) {
                Cached previous = super.put(key, value);
                size += value.events().size() - (previous == null ? 0 : previous.events().size());
                return previous;
            }

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                boolean full = size > maxCachedEvents && size() > 1;
                if (full) {
                    size -= eldest.getValue().events().size();
                }
                return full;
            }
        });
    }

    /** The highest position in the case's index; -1 when it has none. */
    public long lastIndexedPosition(String caseId) {
        Long last = entityManager.createQuery(
                        "select max(c.globalIndex) from CaseEventRow c where c.caseId = :caseId", Long.class)
                .setParameter("caseId", caseId)
                .getSingleResult();
        return last == null ? -1 : last;
    }

    /** Every event of the case in the store's order; empty when the case has none. */
    public List<RecordedEvent> eventsOf(String caseId) {
        Cached cached = load(caseId);
        return cached == null ? List.of() : cached.events();
    }

    /**
     * The fold of the case as known at {@code knownAt} (null: now), with its checkpoints, for reads at any legal
     * date; empty when the case has no events.
     */
    public Optional<FoldCheckpoints> foldOf(String caseId, Instant knownAt, boolean includeRetracted) {
        Cached cached = load(caseId);
        return cached == null ? Optional.empty() : Optional.of(cached.foldKnownAt(knownAt, includeRetracted));
    }

    /** The case's history resolved as known at {@code knownAt} (null: now); empty when the case has no events. */
    public Optional<ResolvedHistory> historyOf(String caseId, Instant knownAt) {
        Cached cached = load(caseId);
        return cached == null ? Optional.empty() : Optional.of(cached.asKnownAt(knownAt));
    }

    private Cached load(String caseId) {
        Object[] shape = entityManager.createQuery(SHAPE_OF_CASE, Object[].class)
                .setParameter("caseId", caseId)
                .getSingleResult();
        long count = (Long) shape[0];
        if (count == 0) {
            cache.remove(caseId);
            return null;
        }
        long lastPosition = (Long) shape[1];
        Cached cached = cache.get(caseId);
        if (cached != null && cached.count() == count && cached.lastPosition() == lastPosition) {
            return cached;
        }
        boolean onlyAppended = cached != null && cached.lastPosition() < lastPosition;
        List<RecordedEvent> events = new ArrayList<>(onlyAppended ? cached.events() : List.of());
        events.addAll(read(caseId, onlyAppended ? cached.lastPosition() : -1));
        if (events.size() != count) {
            events = read(caseId, -1); // an event filled a gap below the last position: read the case again
        }
        Cached loaded = new Cached(Collections.unmodifiableList(events), count, lastPosition, checkpointInterval);
        cache.put(caseId, loaded);
        return loaded;
    }

    private List<RecordedEvent> read(String caseId, long after) {
        return entityManager.createQuery(EVENTS_OF_CASE_AFTER, Object[].class)
                .setParameter("caseId", caseId)
                .setParameter("after", after)
                // stored events never change: no snapshot of each entry for Hibernate to compare at the flush
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .map(row -> recorded((Long) row[0], (DomainEventEntry) row[1]))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The entry has no getter for its global index (Axon keeps it to itself), so the query selects it. */
    private RecordedEvent recorded(long globalIndex, DomainEventEntry entry) {
        DomainEventStream upcast = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                upcasters);
        DocketEvent event = (DocketEvent) upcast.next().getPayload();
        return new RecordedEvent(event, globalIndex, entry.getTimestamp(), entry.getEventIdentifier());
    }
}
