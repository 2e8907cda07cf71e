package org.casetracker.app.recording;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.claims.ClaimEvent;
import org.casetracker.domain.claims.ClaimState;
import org.casetracker.domain.filings.FilingEvent;
import org.casetracker.domain.filings.FilingState;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.FilingId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

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
        // an unknown case has no events: reading its stream answers that, without a query for its last number first
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

    @Override
    public Optional<LocalDate> filingDate(FilingId filingId) {
        return fold(filingId.value(), FilingEvent.class, FilingState.NONE, FilingState::evolve)
                .map(FilingState::dateFiled);
    }

    @Override
    public Optional<LocalDate> claimAssertedOn(ClaimId claimId) {
        return fold(claimId.value(), ClaimEvent.class, ClaimState.NONE, ClaimState::evolve)
                .map(ClaimState::assertedOn);
    }

    /** The aggregate's own fold over its whole stream; empty when it has none. */
    private <E, S> Optional<S> fold(String aggregateId, Class<E> eventType, S initial, BiFunction<S, E, S> evolve) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        S state = initial;
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (eventType.isInstance(payload)) {
                state = evolve.apply(state, eventType.cast(payload));
            }
        }
        return Optional.of(state);
    }

    private boolean exists(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
    }
}
