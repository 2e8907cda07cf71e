package org.casetracker.app.recording;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends the commands of one request in one transaction, so that a filing and all its effects are
 * stored together or not at all; then waits (briefly) for the projections, so that a client reading
 * right after its write sees it.
 */
@Component
public class DocketWriter {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final ProjectionCatchUp catchUp;

    public DocketWriter(CommandGateway commands, PlatformTransactionManager transactionManager,
                        ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.catchUp = catchUp;
    }

    /** Runs {@code work} in one transaction (commands sent from it join it), then awaits the projections. */
    public <T> T write(Supplier<T> work) {
        T result = transaction.execute(status -> work.get());
        catchUp.awaitCaughtUp(READ_YOUR_WRITES);
        return result;
    }

    /** Sends one command and waits for its result; a refusal is thrown as the handler threw it. */
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    public void sendAll(List<Object> commandList) {
        commandList.forEach(this::send);
    }
}
