package org.casetracker.app.recording;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends the commands of one request in one Axon unit of work with one transaction, so that a filing
 * and all its effects are stored together or not at all; then waits (briefly) for the projections,
 * so that a client reading right after its write sees it.
 * <p>
 * The commands run in units of work nested in this one: their events are stored when it commits, and
 * only then are the event processors woken (a plain outer Spring transaction would wake them before
 * its commit, and they would sleep a second before looking again).
 */
@Component
public class DocketWriter {

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
    private static final ThreadLocal<Boolean> CATCH_UP_DEFERRED = ThreadLocal.withInitial(() -> false);

    private final CommandGateway commands;
    private final TransactionManager transactionManager;
    private final ProjectionCatchUp catchUp;

    public DocketWriter(CommandGateway commands, TransactionManager transactionManager, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.transactionManager = transactionManager;
        this.catchUp = catchUp;
    }

    /** Runs {@code work} in one unit of work and transaction, then awaits the projections. */
    public <T> T write(Supplier<T> work) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("write"));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<T> result = unitOfWork.executeWithResult(work::get, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw asRuntime(result.exceptionResult());
        }
        if (!CATCH_UP_DEFERRED.get()) {
            catchUp.awaitCaughtUp(READ_YOUR_WRITES);
        }
        return result.getPayload();
    }

    /**
     * Runs a series of writes (e.g. loading a record) whose steps need not each be readable at once:
     * they do not wait for the projections one by one; the series waits once, at its end.
     */
    public void inSeries(Runnable writes, Duration maxWaitAtEnd) {
        CATCH_UP_DEFERRED.set(true);
        try {
            writes.run();
        } finally {
            CATCH_UP_DEFERRED.remove();
        }
        catchUp.awaitCaughtUp(maxWaitAtEnd);
    }

    /** Sends one command and waits for its result; a refusal is thrown as the handler threw it. */
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    public void sendAll(List<Object> commandList) {
        commandList.forEach(this::send);
    }

    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("the write failed", failure);
    }
}
