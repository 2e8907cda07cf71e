package org.casetracker.app.history;

import org.casetracker.domain.shared.Source;
import org.casetracker.domain.shared.Verification;

import java.time.Instant;
import java.time.LocalDate;

/** One event of a case's history, in recorded order: what happened, on which legal date, when recorded, why. */
public record HistoryEntry(long position, String eventId, String eventType, String aggregateId, long sequenceNumber,
                           LocalDate legalDate, Instant recordedAt, String summary, String reason, Source source) {

    static Source source(String citation, String verification) {
        return citation == null ? null : new Source(citation, Verification.valueOf(verification));
    }
}
