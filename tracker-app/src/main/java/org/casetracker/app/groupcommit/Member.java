package org.casetracker.app.groupcommit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.messaging.MessageHandler;

import java.util.Set;

/**
 * One command waiting to be committed with others: the message as its sender's dispatch interceptors stamped it
 * (user, correlation id), its handler, the cases it writes to, and, once its transaction has committed (or it was
 * refused), its result.
 */
final class Member {

    private final CommandMessage<?> command;
    private final MessageHandler<? super CommandMessage<?>> handler;
    private final Set<String> cases;
    private volatile CommandResultMessage<?> result;

    Member(CommandMessage<?> command, MessageHandler<? super CommandMessage<?>> handler, Set<String> cases) {
        this.command = command;
        this.handler = handler;
        this.cases = Set.copyOf(cases);
    }

    CommandMessage<?> command() {
        return command;
    }

    MessageHandler<? super CommandMessage<?>> handler() {
        return handler;
    }

    Set<String> cases() {
        return cases;
    }

    /** The answer the handler gave; final only when the leader {@linkplain #settle settles} it. */
    CommandResultMessage<?> result() {
        return result;
    }

    void settle(CommandResultMessage<?> answer) {
        this.result = answer;
    }

    boolean settled() {
        return result != null;
    }
}
