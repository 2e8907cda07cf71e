package org.casetracker.app.http;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.casetracker.app.casefile.CaseFileProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-file projection takes an event's position from its tracking token, whose index is the highest position the
 * processor has read: the event's own, except when the event fills a gap (it committed after a later event had been
 * read). Then the token says the later position, and the projection must find the event's own. Here the projection's
 * handler gets a case's first event with the token a gap fill would bring (the index of the case's later event), as
 * its processor would hand it over: the case's index rows must stay as they are, each event at its own position.
 */
class GapFillIndexHttpTest extends RecordedAppTest {

    @Autowired
    CaseFileProjection projection;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;

    @Test
    void anEventThatFillsAGapIsIndexedAtItsOwnPositionNotAtItsTokens() {
        String caseId = openCase("2022-03-01");
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-03-02", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint\"""");
        List<Map<String, Object>> before = rows(caseId);
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        Map<String, Object> first = before.get(0);
        long later = ((Number) before.get(before.size() - 1).get("global_index")).longValue();
        DomainEventMessage<?> opened = stored(first);

        handle(opened, GapAwareTrackingToken.newInstance(later, Collections.emptySortedSet()));

        assertThat(rows(caseId)).as("each event keeps its own position; the later one is not overwritten")
                .isEqualTo(before);
        assertThat(http.get("/api/cases/" + caseId).expect(200).<String>read("$.id")).isEqualTo(caseId);
    }

    @Test
    void aGapFillWhoseRowIsMissingIsIndexedAgainAtItsOwnPosition() {
        String caseId = openCase("2022-05-01");
        record(caseId, """
                "entryNumber": 1, "dateFiled": "2022-05-02", "filedBy": "Plaintiff Co.", "type": "COMPLAINT",
                "title": "Complaint\"""");
        List<Map<String, Object>> before = rows(caseId);
        Map<String, Object> first = before.get(0);
        long later = ((Number) before.get(before.size() - 1).get("global_index")).longValue();
        DomainEventMessage<?> opened = stored(first);
        jdbc.update("delete from case_event where global_index = ?", first.get("global_index"));

        handle(opened, GapAwareTrackingToken.newInstance(later, Collections.emptySortedSet()));

        assertThat(rows(caseId)).as("the row is back at the event's own position, the later one untouched")
                .isEqualTo(before);
    }

    @Test
    void inAReplayTheTokensIndexIsTheEventsPositionAndTheRowIsLeftInPlace() {
        String caseId = openCase("2022-04-01");
        List<Map<String, Object>> before = rows(caseId);
        Map<String, Object> first = before.get(0);
        long position = ((Number) first.get("global_index")).longValue();
        TrackingToken atEvent = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());

        // a replay up to a head beyond the event: the token says the event's own position
        handle(stored(first), ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(position + 1_000, Collections.emptySortedSet()), atEvent));

        assertThat(rows(caseId)).isEqualTo(before);
    }

    /** The handler as a processor calls it: in a unit of work with a transaction, the batch committed at its end. */
    private void handle(DomainEventMessage<?> event, TrackingToken token) {
        SimpleEventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder().eventHandlers(projection).build();
        TrackedEventMessage<?> tracked = new GenericTrackedDomainEventMessage<>(token, event);
        DefaultUnitOfWork<TrackedEventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(tracked);
        unitOfWork.attachTransaction(transactions);
        var result = unitOfWork.executeWithResult(() -> {
            invoker.handle(tracked, Segment.ROOT_SEGMENT);
            return null;
        });
        assertThat(result.isExceptional()).as(() -> String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    private DomainEventMessage<?> stored(Map<String, Object> row) {
        String eventId = (String) row.get("event_id");
        return eventStore.readEvents((String) row.get("aggregate_id"), 0).asStream()
                .filter(message -> message.getIdentifier().equals(eventId)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> rows(String caseId) {
        return jdbc.queryForList("select global_index, event_id, aggregate_id, sequence_number, event_type, legal_date,"
                + " recorded_at, summary from case_event where case_id = ? order by global_index", caseId);
    }
}
