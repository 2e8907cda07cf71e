package org.casetracker.app.concurrency;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.shared.FilingId;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The cases a filing's effects reach (closed, reopened, linked): a retraction undoes those effects, so it writes to
 * those cases too and must hold their locks. A filing's effects are never corrected, so its first event says them.
 */
@Component
public class TouchedCases {

    private final EventStore eventStore;

    public TouchedCases(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Set<String> byEffectsOf(FilingId filing) {
        DomainEventStream stream = eventStore.readEvents(filing.value(), 0);
        Set<String> cases = new LinkedHashSet<>();
        if (stream.hasNext()) {
            DomainEventMessage<?> first = stream.next();
            if (first.getPayload() instanceof FilingRecorded recorded && recorded.effects() != null) {
                FilingEffects effects = recorded.effects();
                effects.cases().forEach(change -> cases.add(change.caseId().value()));
                effects.links().forEach(link -> {
                    cases.add(link.caseId().value());
                    cases.add(link.otherCaseId().value());
                });
            }
        }
        return cases;
    }

    /** The cases named by effects about to be recorded (those that are null are refused later, by field). */
    public static Set<String> of(FilingEffects effects) {
        Set<String> cases = new LinkedHashSet<>();
        effects.cases().forEach(change -> {
            if (change != null && change.caseId() != null) {
                cases.add(change.caseId().value());
            }
        });
        effects.links().forEach(link -> {
            if (link != null && link.caseId() != null) {
                cases.add(link.caseId().value());
            }
            if (link != null && link.otherCaseId() != null) {
                cases.add(link.otherCaseId().value());
            }
        });
        return cases;
    }
}
