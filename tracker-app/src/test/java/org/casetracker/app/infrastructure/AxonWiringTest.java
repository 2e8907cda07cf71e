package org.casetracker.app.infrastructure;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app starts embedded (no Axon Server, no XStream), one Jackson serializer, one database for all entities. */
class AxonWiringTest extends InfraSpringTestBase {

    @Autowired
    Configuration axon;
    @Autowired
    JacksonSerializer axonSerializer;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SharedTokens sharedTokens;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void oneJacksonSerializerForEverything() {
        assertThat(axon.serializer()).isSameAs(axonSerializer);
        assertThat(axon.eventSerializer()).isSameAs(axonSerializer);
        assertThat(axon.messageSerializer()).isSameAs(axonSerializer);
    }

    @Test
    void noXStreamAndNoAxonServer() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(commandBus.getClass().getName()).doesNotContain("AxonServer");
        assertThat(storageEngine).isInstanceOf(JpaEventStorageEngine.class);
    }

    @Test
    void axonAndAppEntitiesShareOnePersistenceUnit() {
        List<String> entities = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(EntityType::getName).toList();
        assertThat(entities).contains("DomainEventEntry", "SnapshotEventEntry", "TokenEntry", "CaseEventRow");
    }

    @Test
    void globalIndexHasItsOwnSequenceOfIncrementOne() {
        Long increment = jdbc.queryForObject("select increment from information_schema.sequences "
                + "where sequence_name = 'DOMAIN_EVENT_GLOBAL_INDEX_SEQ'", Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    /**
     * The processors' tokens go through Axon's JDBC token store (ADR 0023) into the rows the JPA entity maps, which
     * the app reads too ({@link SharedTokens}): a token stored by one is the token read by the other.
     */
    @Test
    void tokensAreStoredByJdbcInTheRowsTheEntityMaps() {
        assertThat(axon.eventProcessingConfiguration().tokenStore("any")).isInstanceOf(JdbcTokenStore.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        String processor = "wiring-test-" + UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            tokenStore.initializeTokenSegments(processor, 1, new GlobalSequenceTrackingToken(41));
            tokenStore.fetchToken(processor, 0); // claims it
            tokenStore.storeToken(new GlobalSequenceTrackingToken(42), processor, 0);
        });
        assertThat(sharedTokens.positions(processor)).containsExactly(Map.entry(0, OptionalLong.of(42)));
        assertThat(jdbc.queryForObject("select owner from token_entry where processor_name = ?", String.class,
                processor)).isNotBlank();
    }

    @Test
    void trackingTokensRoundTrip() {
        TrackingToken token = ReplayToken.createReplayToken(
                new GapAwareTrackingToken(10, Set.of(7L)), new GapAwareTrackingToken(4, Set.of()));
        SerializedObject<byte[]> json = axonSerializer.serialize(token, byte[].class);
        assertThat((Object) axonSerializer.deserialize(json)).isEqualTo(token);
    }
}
