package org.casetracker.app.groupcommit;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Axon's simple command bus with group commit: commands sent concurrently, each on its own, share one transaction and
 * so one durable commit (ADR 0015). Each is still handled in a unit of work of its own (nested in the batch's), with
 * the metadata its sender's dispatch interceptors gave it, and its sender is answered only after the batch has
 * committed. If any command of a batch is refused or fails, or the commit fails, nothing of the batch is kept and its
 * commands are run again one by one, each in its own transaction as without group commit: a refusal answers only its
 * own sender.
 * <p>
 * Taken into batches: commands sent outside any unit of work or transaction (a command sent inside one, e.g. by the
 * {@code DocketWriter}, belongs to that transaction) whose cases are known ({@link CasesOfCommand}); commands
 * to the same case are never in one batch. Everything else is handled exactly as by {@link SimpleCommandBus}.
 */
public class GroupCommitCommandBus extends SimpleCommandBus {

    private final TransactionManager transactionManager;
    private final Function<Object, Optional<Set<String>>> casesOf;
    private final CommitQueue queue;
    private volatile boolean enabled;
    private final GroupCommitStatistics statistics = new GroupCommitStatistics();

    GroupCommitCommandBus(Builder builder, TransactionManager transactionManager,
                          Function<Object, Optional<Set<String>>> casesOf, int maxBatch, boolean enabled) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
        this.casesOf = casesOf;
        this.queue = new CommitQueue(maxBatch);
        this.enabled = enabled;
    }

    /**
     * Switches group commit on or off for the commands sent from now on (the benchmark measures both in one run);
     * off, every command is handled exactly as by {@link SimpleCommandBus}.
     */
    public void groupCommit(boolean on) {
        this.enabled = on;
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        Optional<Set<String>> cases = !enabled || inWorkOfTheSender()
                ? Optional.empty() : casesOf.apply(command.getPayload());
        if (cases.isEmpty()) {
            super.handle(command, handler, callback);
            return;
        }
        Member member = new Member(command, handler, cases.get());
        queue.submit(member, this::commit);
        callback.onResult(command, answer(member));
    }

    /**
     * A command sent inside a unit of work or a transaction of its sender's belongs to that work: it joins that
     * transaction on the sender's thread, as it always did, and is not batched.
     */
    private static boolean inWorkOfTheSender() {
        return CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** How many commands wait now for a batch to take them (one is being committed meanwhile). */
    public int waitingToCommit() {
        return queue.waiting();
    }

    /** What the batches were like since start. */
    public GroupCommitStatistics statistics() {
        return statistics;
    }

    /**
     * Commits a batch and settles every member of it, whatever happens: a failure outside any handler (e.g. no
     * transaction could be started) answers every sender still waiting, the leader included, with that failure.
     */
    private void commit(List<Member> batch) {
        try {
            if (batch.size() == 1 || !committedTogether(batch)) {
                batch.forEach(this::commitAlone);
            }
        } catch (RuntimeException | Error unexpected) {
            for (Member member : batch) {
                if (!member.settled()) {
                    member.settle(GenericCommandResultMessage.asCommandResultMessage(unexpected));
                }
            }
            if (unexpected instanceof Error error) {
                throw error; // the followers are answered; the leader's thread gets the error itself
            }
        }
    }

    /**
     * One unit of work and transaction for the whole batch; each command in a unit of work nested in it, so that its
     * events carry its own metadata. True if all were handled and the transaction committed: then, and only then, each
     * member is settled with its own result.
     */
    private boolean committedTogether(List<Member> batch) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("group commit"));
        unit.attachTransaction(transactionManager);
        CommandResultMessage<?>[] results = new CommandResultMessage<?>[batch.size()];
        ResultMessage<?> outcome = unit.executeWithResult(() -> {
            for (int n = 0; n < batch.size(); n++) {
                results[n] = handleHere(batch.get(n));
                if (results[n].isExceptional()) {
                    throw new MemberFailed(); // the others are run again, each alone
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (outcome.isExceptional()) {
            statistics.rerunOneByOne(batch.size());
            return false;
        }
        for (int n = 0; n < batch.size(); n++) {
            batch.get(n).settle(results[n]);
        }
        statistics.committedTogether(batch.size());
        return true;
    }

    /** In its own unit of work and transaction, exactly as {@link SimpleCommandBus} does. */
    private void commitAlone(Member member) {
        member.settle(handleHere(member));
        statistics.oneAlone();
    }

    private CommandResultMessage<?> handleHere(Member member) {
        CommandResultMessage<?>[] result = new CommandResultMessage<?>[1];
        super.handle(member.command(), member.handler(), (command, answer) -> result[0] = answer);
        return result[0];
    }

    @SuppressWarnings("unchecked")
    private static <C, R> CommandResultMessage<R> answer(Member member) {
        return (CommandResultMessage<R>) member.result();
    }

    /** Ends a batch's unit of work when one of its commands was refused or failed. */
    private static final class MemberFailed extends RuntimeException {
        MemberFailed() {
            super("a command of the batch was refused or failed", null, false, false);
        }
    }
}
