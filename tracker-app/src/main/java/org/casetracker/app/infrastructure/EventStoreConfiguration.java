package org.casetracker.app.infrastructure;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

import jakarta.persistence.EntityManagerFactory;

import java.time.Duration;

/**
 * Axon's JPA event store as its Spring Boot auto-configuration makes it, with two changes: the embedded store polls
 * the database every {@code tracker.processing.store-poll-interval} (Axon: 1 s) when nothing was appended through
 * this node, so events appended by another node sharing the store reach this node's processors within that time
 * (this node's own wake them at once); and the storage engine reads {@code tracker.processing.store-fetch-size}
 * events per query (Axon: 100), fewer queries for a replay (ADR 0016). The storage engine and its entities have to be declared too: Axon's
 * auto-configuration of them backs off when an event store bean exists.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa") // as Axon's would
public class EventStoreConfiguration {

    /**
     * The transaction-bound shared entity manager Axon's stores use, as Axon's own provider gives it, but passed
     * in the constructor: Axon's provider gets it by {@code @PersistenceContext} field injection behind a bean
     * declared as the interface, which Spring's ahead-of-time processing cannot see, so under
     * {@code -Dspring.aot.enabled=true} its entity manager stayed null (ADR 0018).
     */
    @Bean
    public EntityManagerProvider entityManagerProvider(EntityManagerFactory entityManagerFactory) {
        return new SimpleEntityManagerProvider(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 ObjectProvider<PersistenceExceptionResolver> exceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration axon,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${tracker.processing.store-fetch-size:1000}") int fetchSize) {
        return JpaEventStorageEngine.builder()
                // events per query when a processor reads the store (Axon: 100): a replay reads it all
                .batchSize(fetchSize)
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver.getIfAvailable())
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                         @Value("${tracker.processing.store-poll-interval:1s}") Duration poll) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(poll.toMillis())
                .build();
    }
}
