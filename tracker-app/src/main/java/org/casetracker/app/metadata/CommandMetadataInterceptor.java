package org.casetracker.app.metadata;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * On the command bus: every command is sent with the recording user and the correlation id of the work on this
 * thread. The correlation data providers then copy both onto every event the command's handler applies.
 */
final class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final RecordingUser user;

    CommandMetadataInterceptor(RecordingUser user) {
        this.user = user;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = RecordingMetadata.whoAndWhich(command.getMetaData(), user);
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }
}
