package org.casetracker.app.recording;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.FilingId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Answers command handlers from the event store itself, inside the command's transaction: never from a
 * projection that may lag behind the write just made.
 */
@Component
public class EventStoreDocketDirectory implements DocketDirectory {

    private final EventStore eventStore;

    public EventStoreDocketDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<LocalDate> caseFiledOn(CaseId caseId) {
        if (!exists(caseId.value())) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(caseId.value(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof CaseOpened opened ? Optional.of(opened.filedOn()) : Optional.empty();
    }

    @Override
    public boolean claimExists(ClaimId claimId) {
        return exists(claimId.value());
    }

    @Override
    public boolean filingExists(FilingId filingId) {
        return exists(filingId.value());
    }

    private boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
