package org.casetracker.app.infrastructure;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Test-only aggregate without Spring annotations, registered like tracker-domain's through a ConfigurerModule. */
public class InfraTestMatter {

    @AggregateIdentifier
    private String id;

    protected InfraTestMatter() {
    }

    /** {@code clock} is no message part: Axon resolves it from the one Spring bean implementing it. */
    @CommandHandler
    public InfraTestMatter(InfraTestMessages.OpenMatter command, MatterClock clock) {
        apply(new InfraTestMessages.MatterOpened(command.id(), command.filedOn(), Instant.parse("2024-03-01T10:15:30Z"),
                command.kind(), command.parties(), command.claimCount(), clock.today()));
    }

    @CommandHandler
    public void handle(InfraTestMessages.NoteMatter command) {
        apply(new InfraTestMessages.MatterNoted(id, command.note()));
    }

    @EventSourcingHandler
    void on(InfraTestMessages.MatterOpened event) {
        this.id = event.id();
    }
}
