package org.casetracker.app.casefile;

import jakarta.persistence.EntityManager;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.casetracker.domain.casefile.RecordedEvent;
import org.casetracker.domain.shared.DocketEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads the events of one case from the event store, through the case's index rows: one query that
 * touches only that case's events, whatever else the store holds. Whole streams, never snapshots.
 */
@Component
public class CaseEventStore {

    private static final String EVENTS_OF_CASE = """
            select e.globalIndex, e from DomainEventEntry e
            where e.globalIndex in (select c.globalIndex from CaseEventRow c where c.caseId = :caseId)
            order by e.globalIndex""";

    private final EntityManager entityManager;
    private final Serializer serializer;

    public CaseEventStore(EntityManager entityManager, @Qualifier("eventSerializer") Serializer serializer) {
        this.entityManager = entityManager;
        this.serializer = serializer;
    }

    public List<RecordedEvent> eventsOf(String caseId) {
        return entityManager.createQuery(EVENTS_OF_CASE, Object[].class)
                .setParameter("caseId", caseId)
                .getResultStream()
                .map(row -> recorded((Long) row[0], (DomainEventEntry) row[1]))
                .toList();
    }

    /** The entry has no getter for its global index (Axon keeps it to itself), so the query selects it. */
    private RecordedEvent recorded(long globalIndex, DomainEventEntry entry) {
        DocketEvent event = serializer.deserialize(entry.getPayload());
        return new RecordedEvent(event, globalIndex, entry.getTimestamp(), entry.getEventIdentifier());
    }
}
