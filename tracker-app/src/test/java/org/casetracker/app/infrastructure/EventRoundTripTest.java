package org.casetracker.app.infrastructure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetracker.app.infrastructure.InfraTestMessages.Kind;
import org.casetracker.app.infrastructure.InfraTestMessages.MatterNoted;
import org.casetracker.app.infrastructure.InfraTestMessages.MatterOpened;
import org.casetracker.app.infrastructure.InfraTestMessages.NoteMatter;
import org.casetracker.app.infrastructure.InfraTestMessages.OpenMatter;
import org.casetracker.app.infrastructure.InfraTestMessages.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Command in, events out of the JPA event store: record payloads survive as readable JSON. */
class EventRoundTripTest extends InfraSpringTestBase {

    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordPayloadsRoundTripThroughTheEventStore() {
        String id = "matter-" + UUID.randomUUID();
        List<Party> parties = List.of(new Party("Acme Corp.", Kind.CIVIL, LocalDate.of(2021, 3, 4)),
                new Party("Doe", Kind.CRIMINAL, null));
        commandGateway.sendAndWait(new OpenMatter(id, LocalDate.of(2021, 3, 4), Kind.CIVIL, parties, null));
        commandGateway.sendAndWait(new NoteMatter(id, "second"));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L);
        // stampedOn came from the MatterClock bean Axon injected into the aggregate's command handler
        assertThat(events.get(0).getPayload()).isEqualTo(new MatterOpened(id, LocalDate.of(2021, 3, 4),
                Instant.parse("2024-03-01T10:15:30Z"), Kind.CIVIL, parties, null, LocalDate.of(2024, 2, 29)));
        assertThat(events.get(1).getPayload()).isEqualTo(new MatterNoted(id, "second"));

        byte[] stored = jdbc.queryForObject("select payload from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", byte[].class, id);
        assertThat(new String(stored, StandardCharsets.UTF_8))
                .contains("\"filedOn\":\"2021-03-04\"", "\"at\":\"2024-03-01T10:15:30Z\"", "\"claimCount\":null",
                        "\"kind\":\"CIVIL\"");
    }
}
