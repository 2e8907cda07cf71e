package org.casetracker.app.infrastructure;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The positions of a processor's segments as committed to the token store, whichever node holds them: on several
 * nodes a processor here claims only some segments, and the others' progress is known only from the database. Read
 * without claiming anything (Axon's token store has no such read; the token is stored with the batch, so it is exactly
 * what the segment has committed).
 */
@Component
public class SharedTokens {

    private final EntityManager entityManager;
    private final Serializer serializer;

    public SharedTokens(EntityManager entityManager, Serializer serializer) {
        this.entityManager = entityManager;
        this.serializer = serializer;
    }

    /** Segment id to position (empty: not started) for every segment of the processor, claimed or not. */
    public Map<Integer, OptionalLong> positions(String processorName) {
        Map<Integer, OptionalLong> positions = new TreeMap<>();
        // columns, not entities: never answered from a persistence context's cache of an earlier read
        entityManager.createQuery("select t.segment, t.token, t.tokenType from TokenEntry t "
                        + "where t.processorName = :name", Object[].class)
                .setParameter("name", processorName)
                .getResultList() // whole: outside a transaction the shared entity manager closes after the query
                .forEach(row -> positions.put((Integer) row[0], position((byte[]) row[1], (String) row[2])));
        return positions;
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }
}
