package org.casetracker.app.groupcommit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The command bus: Axon's auto-configured {@link SimpleCommandBus} (same transaction manager, duplicate resolver,
 * spans, monitor and correlation data), with group commit unless {@code tracker.append.group-commit.enabled=false}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class GroupCommitConfiguration {

    @Bean
    @Qualifier("localSegment")
    public GroupCommitCommandBus commandBus(TransactionManager transactionManager, Configuration axon,
                                       DuplicateCommandHandlerResolver duplicates,
                                       @Value("${tracker.append.group-commit.enabled:true}") boolean enabled,
                                       @Value("${tracker.append.group-commit.max-batch:64}") int maxBatch) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
        GroupCommitCommandBus bus = new GroupCommitCommandBus(builder, transactionManager, CasesOfCommand::of, maxBatch,
                enabled);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }
}
