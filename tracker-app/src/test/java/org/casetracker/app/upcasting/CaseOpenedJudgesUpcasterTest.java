package org.casetracker.app.upcasting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.casetracker.app.infrastructure.AxonSerializerConfiguration;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.shared.CaseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CaseOpened} as the tracker stored it before revision 2 (the fixture is a payload copied from a store:
 * {@code "judge": "…"}, no revision) reads as revision 2 through the upcaster chain the app registers.
 */
class CaseOpenedJudgesUpcasterTest {

    private final JacksonSerializer serializer = new AxonSerializerConfiguration()
            .axonSerializer(AxonSerializerConfiguration.newObjectMapper());
    private final EventUpcaster chain = new UpcasterConfiguration().eventUpcasters();

    static byte[] revision1Payload() throws IOException {
        try (InputStream in = CaseOpenedJudgesUpcasterTest.class
                .getResourceAsStream("/fixtures/case-opened-revision-1.json")) {
            return in.readAllBytes();
        }
    }

    private CaseOpened read(byte[] payload, String revision, EventUpcaster upcasters) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("CaseAggregate", "wawd-2-21-cv-00031",
                0, "event-1", "2026-11-24T08:39:36.316Z", CaseOpened.class.getName(), revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored),
                serializer, upcasters).next();
        return (CaseOpened) message.getPayload();
    }

    @Test
    void aStoredRevision1EventReadsAsRevision2WithItsJudgeInTheList() throws IOException {
        byte[] stored = revision1Payload();
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"judge\":\"Barbara J. Rothstein\"")
                .doesNotContain("judges");

        CaseOpened opened = read(stored, null, chain);

        assertThat(opened.judges()).containsExactly("Barbara J. Rothstein");
        assertThat(opened.judge()).isEqualTo("Barbara J. Rothstein");
        assertThat(opened.caseId()).isEqualTo(new CaseId("wawd-2-21-cv-00031"));
        assertThat(opened.caption()).isEqualTo("Parler LLC v. Amazon Web Services, Inc.");
        assertThat(opened.parties()).hasSize(2);
        assertThat(opened.source().citation()).startsWith("https://print.casetext.com/");
    }

    @Test
    void withoutTheUpcasterTheJudgeWouldBeLost() throws IOException {
        assertThat(read(revision1Payload(), null, NoOpEventUpcaster.INSTANCE).judges()).isEmpty();
    }

    @Test
    void aRevision1EventWithoutAJudgeHasNone() throws IOException {
        byte[] noJudge = new String(revision1Payload(), StandardCharsets.UTF_8)
                .replace("\"judge\":\"Barbara J. Rothstein\"", "\"judge\":null").getBytes(StandardCharsets.UTF_8);
        CaseOpened opened = read(noJudge, null, chain);
        assertThat(opened.judges()).isEmpty();
        assertThat(opened.judge()).isNull();
    }

    @Test
    void newEventsAreStoredAsRevision2WithAListAndPassTheChainUntouched() {
        CaseOpened opened = new CaseOpened(new CaseId("test-1"), "test", "Test Court", "1", "A v. B",
                java.time.LocalDate.of(2021, 1, 11), List.of(), null, List.of("Judge One", "Judge Two"));
        SerializedObject<byte[]> stored = serializer.serialize(
                new GenericDomainEventMessage<>("CaseAggregate", "test-1", 0, opened).getPayload(), byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .contains("\"judges\":[\"Judge One\",\"Judge Two\"]").doesNotContain("\"judge\":");
        CaseOpened read = read(stored.getData(), "2", chain);
        assertThat(read).isEqualTo(opened);
        assertThat(read.judge()).isEqualTo("Judge One, Judge Two");
    }
}
