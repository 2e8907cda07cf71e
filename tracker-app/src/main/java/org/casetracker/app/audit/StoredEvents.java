package org.casetracker.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The event store and the chain as stored, read with plain SQL in global order, one page at a time (keyset paging):
 * memory stays constant however large the store is, and nothing in between (no serializer, no upcaster) can change
 * the bytes the chain covers.
 */
@Component
public class StoredEvents {

    private static final String PAGE = """
            select e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, c.hash
            from domain_event_entry e left join audit_chain c on c.global_index = e.global_index
            where e.global_index > ? and e.global_index <= ?
            order by e.global_index
            fetch first %d rows only""";

    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The head of the chain as stored, the last link; empty while the chain is empty. */
    public record Head(long position, String hash) {
    }

    /** Up to {@code size} events with {@code after < global index <= upTo}, in global order, each with its link. */
    public List<StoredEvent> page(long after, long upTo, int size) {
        return jdbc.query(PAGE.formatted(size), StoredEvents::event, after, upTo);
    }

    /** The events with {@code after < global index <= upTo}, read a page of {@code size} at a time as they are used. */
    public Iterable<List<StoredEvent>> pages(long after, long upTo, int size) {
        return () -> new Iterator<>() {
            private long from = after;
            private List<StoredEvent> next;

            @Override
            public boolean hasNext() {
                if (next == null && from < upTo) {
                    next = page(from, upTo, size);
                    from = next.isEmpty() ? upTo : next.get(next.size() - 1).globalIndex();
                }
                return next != null && !next.isEmpty();
            }

            @Override
            public List<StoredEvent> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<StoredEvent> page = next;
                next = null;
                return page;
            }
        };
    }

    /** The same events one by one, in global order (still read a page at a time). */
    public Iterable<StoredEvent> inOrder(long after, long upTo, int size) {
        return () -> StreamSupport.stream(pages(after, upTo, size).spliterator(), false)
                .flatMap(List::stream)
                .iterator();
    }

    public Optional<Head> chainHead() {
        return jdbc.query("select global_index, hash from audit_chain order by global_index desc fetch first 1 rows only",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2))).stream().findFirst();
    }

    /** The highest global index in the store; -1 when it is empty. */
    public long lastGlobalIndex() {
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return last == null ? -1 : last;
    }

    public long countEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    public long countEventsUpTo(long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
                position);
    }

    /** Events after {@code after} up to and including {@code upTo}. */
    public long countEventsBetween(long after, long upTo) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and global_index <= ?",
                Long.class, after, upTo);
    }

    public long countEventsAfter(long position) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ?", Long.class,
                position);
    }

    public long countLinks() {
        return jdbc.queryForObject("select count(*) from audit_chain", Long.class);
    }

    /** The lowest global index the chain holds a link for but the store no longer holds an event at. */
    public Optional<Long> firstLinkWithoutEvent() {
        return Optional.ofNullable(jdbc.queryForObject("""
                select min(c.global_index) from audit_chain c
                where not exists (select 1 from domain_event_entry e where e.global_index = c.global_index)""",
                Long.class));
    }

    /** The stored hashes of the events at {@code positions}, by position; events not chained (yet) are left out. */
    public Map<Long, String> hashesAt(Collection<Long> positions) {
        Map<Long, String> hashes = new HashMap<>();
        if (positions.isEmpty()) {
            return hashes;
        }
        String marks = String.join(", ", Collections.nCopies(positions.size(), "?"));
        jdbc.query("select global_index, hash from audit_chain where global_index in (" + marks + ")",
                rs -> {
                    hashes.put(rs.getLong(1), rs.getString(2));
                }, positions.toArray());
        return hashes;
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10), rs.getString(11));
    }
}
