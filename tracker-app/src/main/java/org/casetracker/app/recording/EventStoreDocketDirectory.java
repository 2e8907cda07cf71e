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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Answers command handlers from the event store itself, inside the command's transaction: never from a
 * projection that may lag behind the write just made.
 * <p>
 * The one exception is the day a case was filed, asked by every filing and claim: it is the case's first event,
 * which never changes once committed, so it is kept after the commit that made it readable (a stream read cost a
 * quarter of a filing's command handling, docs/performance.md). A case not yet opened, or opened in a transaction
 * that has not committed, is always read from the store.
 */
@Component
public class EventStoreDocketDirectory implements DocketDirectory {

    private final EventStore eventStore;
    private final Map<String, LocalDate> filedOnOfCommittedCases;

    public EventStoreDocketDirectory(EventStore eventStore,
                                     @Value("${tracker.cache.max-cases-filed-on:100000}") int maxCases) {
        this.eventStore = eventStore;
        this.filedOnOfCommittedCases = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LocalDate> eldest) {
                return size() > maxCases;
            }
        });
    }

    @Override
    public Optional<LocalDate> caseFiledOn(CaseId caseId) {
        LocalDate known = filedOnOfCommittedCases.get(caseId.value());
        if (known != null) {
            return Optional.of(known);
        }
        // an unknown case has no events: reading its stream answers that, without a query for its last number first
        DomainEventStream stream = eventStore.readEvents(caseId.value(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof CaseOpened opened)) {
            return Optional.empty();
        }
        keepOnceCommitted(caseId.value(), opened.filedOn());
        return Optional.of(opened.filedOn());
    }

    /** The opening read may be this transaction's own: kept only if it commits. */
    private void keepOnceCommitted(String caseId, LocalDate filedOn) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            filedOnOfCommittedCases.put(caseId, filedOn);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                filedOnOfCommittedCases.put(caseId, filedOn);
            }
        });
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
