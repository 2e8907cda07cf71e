package org.casetracker.app.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An index row as stored, read back by {@link CaseEventIndex} to tell whether an event's row already says what the
 * event says (in a replay, nearly always), so that only rows that differ or are missing are written.
 */
record IndexedRow(long position, String caseId, String eventId, String aggregateId, long sequenceNumber,
                  String eventType, LocalDate legalDate, Instant recordedAt, String summary, String reason,
                  String sourceCitation, String sourceVerification, String recordedBy, String correlationId) {

    /** The columns in the order {@link #read} takes them. */
    static final String COLUMNS = "global_index, case_id, event_id, aggregate_id, sequence_number, event_type,"
            + " legal_date, recorded_at, summary, reason, source_citation, source_verification, recorded_by,"
            + " correlation_id";

    /** The column keeps microseconds (timestamp(6)); the event's instant may carry nanoseconds. */
    private static final Duration COLUMN_PRECISION = Duration.ofNanos(1_000);

    static IndexedRow read(ResultSet row) throws SQLException {
        OffsetDateTime recordedAt = row.getObject(8, OffsetDateTime.class);
        return new IndexedRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getString(6), row.getObject(7, LocalDate.class), recordedAt == null ? null : recordedAt.toInstant(),
                row.getString(9), row.getString(10), row.getString(11), row.getString(12), row.getString(13),
                row.getString(14));
    }

    /** Whether this row holds exactly what the event would write into it (the instant at the column's precision). */
    boolean says(CaseEventIndex.Entry entry) {
        return eventId.equals(entry.eventId()) && aggregateId.equals(entry.aggregateId())
                && sequenceNumber == entry.sequenceNumber() && eventType.equals(entry.eventType())
                && Objects.equals(legalDate, entry.legalDate()) && sameInstant(recordedAt, entry.recordedAt())
                && Objects.equals(summary, entry.summary()) && Objects.equals(reason, entry.reason())
                && Objects.equals(sourceCitation, entry.sourceCitation())
                && Objects.equals(sourceVerification, entry.sourceVerification())
                && Objects.equals(recordedBy, entry.recordedBy()) && Objects.equals(correlationId, entry.correlationId());
    }

    private static boolean sameInstant(Instant stored, Instant event) {
        return stored != null && Duration.between(stored, event).abs().compareTo(COLUMN_PRECISION) < 0;
    }
}
