package org.casetracker.app.recording;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetracker.app.concurrency.CaseWriteLocks;
import org.casetracker.app.concurrency.Preconditions;
import org.casetracker.app.concurrency.TryAgainLater;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.app.metadata.CorrelationIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends the commands of one request in one Axon unit of work with one transaction, so that a filing
 * and all its effects are stored together or not at all; then waits (briefly) for the projections,
 * so that a client reading right after its write sees it.
 * <p>
 * The commands run in units of work nested in this one: their events are stored when it commits, and
 * only then are the event processors woken (a plain outer Spring transaction would wake them before
 * its commit, and they would sleep a second before looking again).
 * <p>
 * Every event of one write carries the same correlation id: the request's, or (outside a request, e.g. the record
 * loader) a new one per write. The command bus adds it, with the user, to each command's metadata.
 * <p>
 * A write addressed to cases ({@link WriteScope}) first locks them (one writer per case at a time, see
 * {@link CaseWriteLocks}) and evaluates the request's {@code If-Match} under that lock ({@link Preconditions}).
 * A write that loses a race all the same (Axon's {@link ConcurrencyException}: another transaction appended to one
 * of its aggregates first; or a lock not had in time) is rolled back and run again, at most {@value #ATTEMPTS}
 * times in all: nothing of a failed attempt is stored, and the next attempt checks everything afresh.
 */
@Component
public class DocketWriter {

    private static final Logger log = LoggerFactory.getLogger(DocketWriter.class);
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
    static final int ATTEMPTS = 3;
    private static final ThreadLocal<Boolean> CATCH_UP_DEFERRED = ThreadLocal.withInitial(() -> false);

    private final CommandGateway commands;
    private final TransactionManager transactionManager;
    private final ProjectionCatchUp catchUp;
    private final CaseWriteLocks locks;
    private final Preconditions preconditions;

    public DocketWriter(CommandGateway commands, TransactionManager transactionManager, ProjectionCatchUp catchUp,
                        CaseWriteLocks locks, Preconditions preconditions) {
        this.commands = commands;
        this.transactionManager = transactionManager;
        this.catchUp = catchUp;
        this.locks = locks;
        this.preconditions = preconditions;
    }

    /** Runs {@code work} in one unit of work and transaction, then awaits the projections. */
    public <T> T write(Supplier<T> work) {
        return write(null, work);
    }

    /**
     * Runs {@code work} in one unit of work and transaction holding the locks of the cases in {@code scope}, after
     * the request's {@code If-Match} (if any) was found to hold; retried on a lost race; then awaits the projections.
     */
    public <T> T write(WriteScope scope, Supplier<T> work) {
        return CorrelationIds.callWithCurrentOrNew(() -> withRetries(scope, work));
    }

    private <T> T withRetries(WriteScope scope, Supplier<T> work) {
        if (scope != null) {
            locks.ensureRows(scope.cases());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writeInOneUnit(scope, work);
            } catch (RuntimeException failure) {
                if (!lostARace(failure)) {
                    throw failure;
                }
                if (attempt >= ATTEMPTS) {
                    if (failure instanceof ConcurrencyException || hasCause(failure, ConcurrencyException.class)) {
                        throw failure; // answered 409: the record changed under the request
                    }
                    throw new TryAgainLater("the tracker is busy with other writes to this case; try again", failure);
                }
                log.info("Write attempt {} of {} lost a race ({}); trying again", attempt, ATTEMPTS, failure.toString());
                pause(attempt);
            }
        }
    }

    private <T> T writeInOneUnit(WriteScope scope, Supplier<T> work) {
        DefaultUnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("write"));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<T> result = unitOfWork.executeWithResult(() -> {
            if (scope != null) {
                locks.lock(scope.cases());
                preconditions.check(scope);
            }
            return work.get();
        }, RollbackConfigurationType.ANY_THROWABLE);
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

    /**
     * Another writer came first: an aggregate appended to meanwhile (Axon's {@link ConcurrencyException}), an
     * aggregate's lock not had in time or a deadlock between two broken (Axon's other transient exceptions), a
     * database lock not had in time.
     */
    static boolean lostARace(Throwable failure) {
        return hasCause(failure, AxonTransientException.class) || hasCause(failure, TransientDataAccessException.class)
                || hasCause(failure, SQLTransientException.class)
                || hasCause(failure, jakarta.persistence.PessimisticLockException.class)
                || hasCause(failure, jakarta.persistence.LockTimeoutException.class);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TryAgainLater("interrupted while waiting to try the write again", e);
        }
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
