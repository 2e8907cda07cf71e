package org.casetracker.app.http;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.cases.CaseCommands.OpenCase;
import org.casetracker.domain.cases.Party;
import org.casetracker.domain.cases.PartyRole;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write that loses a race (Axon's {@link ConcurrencyException}: another transaction appended to one of its
 * aggregates first) is rolled back whole and run again, at most three times; a refusal is never retried. The race
 * is staged: the write's work stores its commands and then reports the conflict, as the event store would.
 */
class WriteRetryTest extends RecordedAppTest {

    @Autowired
    DocketWriter writer;

    @Autowired
    EventStore eventStore;

    @Test
    void aWriteThatLostARaceIsRunAgainAndStoredOnce() {
        CaseId caseId = newCase();
        AtomicInteger attempts = new AtomicInteger();
        String answer = writer.write(WriteScope.opening(caseId.value()), () -> {
            writer.send(openCase(caseId));
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("staged: another writer appended first");
            }
            return "stored";
        });
        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
        assertThat(eventsOf(caseId)).as("the first two attempts left nothing").isEqualTo(1);
    }

    @Test
    void afterThreeLostRacesTheConflictIsAnsweredAndNothingStored() {
        CaseId caseId = newCase();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> writer.write(WriteScope.opening(caseId.value()), () -> {
            attempts.incrementAndGet();
            writer.send(openCase(caseId));
            throw new ConcurrencyException("staged: another writer appended first");
        })).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(3);
        assertThat(eventsOf(caseId)).isZero();
    }

    @Test
    void aRefusalIsNotRetried() {
        CaseId caseId = newCase();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> writer.write(WriteScope.opening(caseId.value()), () -> {
            attempts.incrementAndGet();
            throw DocketRuleViolation.invalid("caption", "is required");
        })).isInstanceOf(DocketRuleViolation.class);
        assertThat(attempts).hasValue(1);
    }

    private long eventsOf(CaseId caseId) {
        return eventStore.readEvents(caseId.value(), 0).asStream().count();
    }

    private static CaseId newCase() {
        return CaseId.of("retry", "1:24-cv-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static OpenCase openCase(CaseId caseId) {
        return new OpenCase(caseId, "retry", "Retry Court", caseId.value().substring("retry-".length()),
                "Retry v. Race", LocalDate.of(2024, 1, 2), null,
                List.of(new Party("Retry LLC", PartyRole.PLAINTIFF, null)),
                new Source("https://example.org/retry", Verification.UNVERIFIED));
    }
}
