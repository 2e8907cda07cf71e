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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the events of one case from the event store, through the case's index rows: queries that
 * touch only that case's events, whatever else the store holds. Whole streams, never snapshots.
 * <p>
 * Events never change once stored, so the deserialized events of recently read cases are kept in a
 * bounded cache. Before every use the cache is checked against the index (count and last position of
 * the case's rows, one indexed query); events added since are read and appended (the live projection hands over
 * those of its batch instead, {@link #withBatch}), anything else (a rebuild, an event filling a gap) reloads the
 * case. A case extended by events that only extend its legal order keeps its resolution and fold checkpoints,
 * extended too (ADR 0022).
 */
@Component
public class CaseEventStore {

    // plain SQL: it runs before every use of the cache (every read, every batch of the projection), and through
    // Hibernate's query machinery it cost twice what the query itself did (JFR, small append run)
    private static final String COUNTED = "select count(*), max(global_index) from case_event where case_id = ?";

    // what the projection keeps with the case's row, in the transaction that writes the index rows (ADR 0022)
    private static final String KEPT = "select indexed_events, last_indexed from case_file where case_id = ?";

    // a join, not "globalIndex in (select …)": H2 builds a sorted distinct set of the subquery's rows first, which
    // took most of the live projection's time in a flight recording of the store benchmark's recording phase
    private static final String EVENTS_OF_CASE_AFTER = """
            select c.globalIndex, e from CaseEventRow c join DomainEventEntry e on e.globalIndex = c.globalIndex
            where c.caseId = :caseId and c.globalIndex > :after and c.globalIndex <= :upTo
            order by c.globalIndex""";

    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Map<String, CachedCase> cache;
    private final int checkpointInterval;

    /** {@code upcasters}: the same upcasters the event store reads through, so old revisions read as new here too. */
    public CaseEventStore(EntityManager entityManager, JdbcTemplate jdbc,
                          @Qualifier("eventSerializer") Serializer serializer,
                          List<EventUpcaster> upcasters,
                          @Value("${tracker.cache.max-events:500000}") long maxCachedEvents,
                          @Value("${tracker.cache.checkpoint-interval:" + FoldCheckpoints.MIN_INTERVAL + "}")
                          int checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters);
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            private long size;

            @Override
            public CachedCase put(String key, CachedCase value) {
                CachedCase previous = super.put(key, value);
                size += value.events().size() - (previous == null ? 0 : previous.events().size());
                return previous;
            }

            @Override
            public CachedCase remove(Object key) {
                CachedCase removed = super.remove(key);
                size -= removed == null ? 0 : removed.events().size();
                return removed;
            }

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedCase> eldest) {
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
        CachedCase cached = load(caseId);
        return cached == null ? List.of() : cached.events();
    }

    /**
     * The fold of the case as known at {@code knownAt} (null: now), with its checkpoints, for reads at any legal
     * date; empty when the case has no events.
     */
    public Optional<FoldCheckpoints> foldOf(String caseId, Instant knownAt, boolean includeRetracted) {
        CachedCase cached = load(caseId);
        return cached == null ? Optional.empty() : Optional.of(cached.foldKnownAt(knownAt, includeRetracted));
    }

    /** The case's history resolved as known at {@code knownAt} (null: now); empty when the case has no events. */
    public Optional<ResolvedHistory> historyOf(String caseId, Instant knownAt) {
        CachedCase cached = load(caseId);
        return cached == null ? Optional.empty() : Optional.of(cached.asKnownAt(knownAt));
    }

    /** The case as its index rows say now (committed, or this transaction's own), through the cache. */
    private CachedCase load(String caseId) {
        Shape shape = kept(caseId).orElseGet(() -> counted(caseId));
        CachedCase cached = cache.get(caseId);
        CachedCase loaded = shape.count() == 0 ? null : current(caseId, cached, shape, List.of());
        keep(caseId, cached, loaded);
        return loaded;
    }

    /**
     * The live projection's view of a case, its batch's index rows just written ({@code inserted} of them new): the
     * events of the case as they will be once the batch commits, the batch's own as the projection handed them
     * ({@code handed}: the events it had in hand, with their verified positions) instead of read back from the store.
     * They extend the cached case when the index says exactly that they do (count and last position, as every use of
     * the cache checks); else the case is read as a reader would. {@code recount}: count the case's index rows
     * instead of going on from the count kept with its row (a replay, which may repair rows). Nothing is cached until
     * {@link Pending#keep()}, which the projection calls once the batch has committed: a batch rolled back leaves the
     * cache as it was. Call it holding the case's fold lock, so that the count kept is no other batch's to change.
     */
    Pending withBatch(String caseId, List<RecordedEvent> handed, int inserted, boolean recount) {
        long lastHanded = handed.isEmpty() ? -1 : handed.get(handed.size() - 1).position();
        Shape shape = recount ? counted(caseId) : kept(caseId)
                .map(before -> new Shape(before.count() + inserted, Math.max(before.lastPosition(), lastHanded)))
                .orElseGet(() -> counted(caseId));
        CachedCase cached = cache.get(caseId);
        return new Pending(caseId, shape, cached, shape.count() == 0 ? null : current(caseId, cached, shape, handed));
    }

    /** A case worked out for a batch that has not committed yet (see {@link #withBatch}). */
    final class Pending {

        private final String caseId;
        private final Shape shape;
        private final CachedCase base;
        private final CachedCase next;

        private Pending(String caseId, Shape shape, CachedCase base, CachedCase next) {
            this.caseId = caseId;
            this.shape = shape;
            this.base = base;
            this.next = next;
        }

        /** The case as known now, with its fold checkpoints; empty when it has no events. */
        Optional<FoldCheckpoints> foldKnownNow() {
            return next == null ? Optional.empty() : Optional.of(next.foldKnownAt(null, false));
        }

        /** The count and last position of the case's index rows once the batch commits: kept with its row. */
        Shape shape() {
            return shape;
        }

        /** Once the batch has committed: the cache takes the case unless someone changed its entry meanwhile. */
        void keep() {
            CaseEventStore.this.keep(caseId, base, next);
        }
    }

    /** How many index rows a case has, and the highest position among them (-1: none). */
    record Shape(long count, long lastPosition) {
    }

    /**
     * The count and last position of the case's index rows as the projection keeps them with the case's row, in the
     * transaction that writes the rows: one read by key, where counting the rows read the whole case (the scan of the
     * index took 29 % of the projection's samples in a full run, ADR 0022). Empty while the case has no row, or a row
     * written before V3.
     */
    private Optional<Shape> kept(String caseId) {
        return jdbc.query(KEPT, (row, n) -> {
            long count = row.getLong(1);
            return row.wasNull() ? null : new Shape(count, row.getLong(2));
        }, caseId).stream().filter(Objects::nonNull).findFirst();
    }

    /** The case's index rows counted: what {@link #kept} says, read from the rows themselves. */
    private Shape counted(String caseId) {
        return jdbc.queryForObject(COUNTED, (row, n) -> {
            long count = row.getLong(1);
            return new Shape(count, count == 0 ? -1 : row.getLong(2));
        }, caseId);
    }

    /**
     * The case at {@code shape}: the cached one if it matches; extended by the events added since (those handed in,
     * if they are exactly those, else read from the store) if only events were added; else read whole again (a
     * rebuild, an event that filled a gap below the last position).
     */
    private CachedCase current(String caseId, CachedCase cached, Shape shape, List<RecordedEvent> handed) {
        if (cached != null && cached.matches(shape.count(), shape.lastPosition())) {
            return cached;
        }
        if (cached != null && cached.lastPosition() < shape.lastPosition()) {
            List<RecordedEvent> later = areTheEventsAfter(cached, handed, shape) ? handed
                    : read(caseId, cached.lastPosition(), shape.lastPosition());
            if (cached.count() + later.size() == shape.count()) {
                return cached.extendedBy(later, shape.count(), shape.lastPosition());
            }
        }
        return CachedCase.of(read(caseId, -1, shape.lastPosition()), shape.count(), shape.lastPosition(),
                checkpointInterval);
    }

    /** True when {@code handed} are, in store order, exactly the index rows that follow the cached case's. */
    private static boolean areTheEventsAfter(CachedCase cached, List<RecordedEvent> handed, Shape shape) {
        if (handed.isEmpty() || cached.count() + handed.size() != shape.count()
                || handed.get(handed.size() - 1).position() != shape.lastPosition()) {
            return false;
        }
        long previous = cached.lastPosition();
        for (RecordedEvent event : handed) {
            if (event.position() <= previous) {
                return false;
            }
            previous = event.position();
        }
        return true;
    }

    /** Puts {@code next} in the cache unless the case's entry is no longer {@code expected}; none: forgets the case. */
    private void keep(String caseId, CachedCase expected, CachedCase next) {
        synchronized (cache) {
            CachedCase now = cache.get(caseId);
            if (now != expected || now == next) {
                return; // someone else put a newer (or another) view of the case; every use checks it anyway
            }
            if (next == null) {
                cache.remove(caseId);
            } else {
                cache.put(caseId, next);
            }
        }
    }

    /** The case's events after position {@code after} up to {@code upTo}: the rows its shape was read at. */
    private List<RecordedEvent> read(String caseId, long after, long upTo) {
        return entityManager.createQuery(EVENTS_OF_CASE_AFTER, Object[].class)
                .setParameter("caseId", caseId)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
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
