package org.casetracker.app.history;

import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a case's history, in recorded order: what happened, on which legal date, when recorded, why, from
 * which source, who recorded it and in which request ({@code correlationId}), and its {@code hash} in the audit chain
 * (null until the chain has reached it, which is a moment after the write).
 */
public record HistoryEntry(long position, String eventId, String eventType, String aggregateId, long sequenceNumber,
                           LocalDate legalDate, Instant recordedAt, String summary, String reason, Source source,
                           String user, String correlationId, String hash) {

    static Source source(String citation, String verification) {
        return citation == null ? null : new Source(citation, Verification.valueOf(verification));
    }
}
