package org.casetracker.app.bulkreplay;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Reads {@code domain_event_entry} in global order, one page at a time (keyset paging up to a fixed last index), and
 * turns each row into the message Axon's JPA storage engine would make of it: the same columns, the same upcasters and
 * serializer, a {@link GapAwareTrackingToken} at the event's own index. Payload, metadata and timestamp are
 * deserialized here, on the reading thread, so the handling thread only handles. No gaps in the tokens: the pages
 * end at a settled head, below which an index without an event will never get one.
 */
final class StoredEventPages {

    private static final String PAGE = """
            select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            from domain_event_entry
            where global_index > ? and global_index <= ?
            order by global_index
            fetch first %d rows only""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final ToIntFunction<TrackedEventMessage<?>> segmentOf;
    private final String query;

    StoredEventPages(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters,
                     ToIntFunction<TrackedEventMessage<?>> segmentOf, int pageSize) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.segmentOf = segmentOf;
        this.query = PAGE.formatted(pageSize);
    }

    /** An entry as Axon's, its timestamp parsed once and without a formatter ({@link StoredTimestamps}). */
    private static final class Entry extends GenericDomainEventEntry<byte[]> {
        private final Instant timestamp;

        Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String stored,
              String payloadType, String payloadRevision, byte[] payload, byte[] metaData, Instant timestamp) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, stored, payloadType, payloadRevision,
                    payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /**
     * The rows read and the events made of them: an upcaster may drop or split an event, so the next page starts after
     * the last row, not after the last event.
     */
    record Page(long lastRow, List<ReplayedEvent> events) {
    }

    /** The rows with {@code after < global index <= upTo}, at most a page of them; null past the end. */
    Page page(long after, long upTo) {
        List<TrackedDomainEventData<?>> rows = jdbc.query(query, (rs, i) -> {
            long index = rs.getLong(1);
            String aggregate = rs.getString(3);
            String eventId = rs.getString(5);
            // as the JPA storage engine reads it: an event stored without an aggregate carries its own id there
            String timestamp = rs.getString(6);
            GenericDomainEventEntry<byte[]> entry = new Entry(rs.getString(2),
                    eventId.equals(aggregate) ? null : aggregate, rs.getLong(4), eventId, timestamp,
                    rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10),
                    StoredTimestamps.parse(timestamp));
            return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(index, Collections.emptySet()),
                    entry);
        }, after, upTo);
        if (rows.isEmpty()) {
            return null;
        }
        List<ReplayedEvent> events = new ArrayList<>(rows.size());
        EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters).forEachOrdered(message -> {
            message.getPayload();
            message.getMetaData();
            message.getTimestamp();
            long index = message.trackingToken().position().orElseThrow();
            events.add(new ReplayedEvent(index, message, segmentOf.applyAsInt(message)));
        });
        long lastRow = rows.get(rows.size() - 1).trackingToken().position().orElseThrow();
        return new Page(lastRow, events);
    }
}
