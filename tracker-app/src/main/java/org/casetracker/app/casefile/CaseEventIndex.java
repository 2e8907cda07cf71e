package org.casetracker.app.casefile;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the index rows ({@link CaseEventRow}) of a whole batch of events at once, in the batch's transaction: one
 * query finds the events' positions, two JDBC batches write the rows. A row is updated by its key when it exists (a
 * replay rewrites every row in place) and inserted otherwise.
 */
@Component
class CaseEventIndex {

    /** Rows per statement of the position check: well under the parameter limits of H2 and PostgreSQL. */
    private static final int CHUNK = 1_000;

    private static final String UPDATE = """
            update case_event set event_id = ?, aggregate_id = ?, sequence_number = ?, event_type = ?, legal_date = ?,
            recorded_at = ?, summary = ?, reason = ?, source_citation = ?, source_verification = ?, recorded_by = ?,
            correlation_id = ? where global_index = ? and case_id = ?""";

    private static final String INSERT = """
            insert into case_event (event_id, aggregate_id, sequence_number, event_type, legal_date, recorded_at,
            summary, reason, source_citation, source_verification, recorded_by, correlation_id, global_index, case_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * One event of a batch, its rows not yet written. {@code tokenPosition}: the index of the tracking token it came
     * with (-1: none), which is the event's own position unless the event filled a gap (see {@link #positionsOf}).
     */
    record Entry(long tokenPosition, String eventId, List<String> caseIds, String aggregateId, long sequenceNumber,
                 String eventType, LocalDate legalDate, Instant recordedAt, String summary, String reason,
                 String sourceCitation, String sourceVerification, String recordedBy, String correlationId) {
    }

    private record Row(Entry entry, long position, String caseId) {
    }

    private final JdbcTemplate jdbc;

    CaseEventIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes every row of the batch's events: one per event and case it belongs to. */
    void write(List<Entry> batch) {
        Map<String, Long> positions = positionsOf(batch);
        List<Row> rows = new ArrayList<>();
        for (Entry entry : batch) {
            for (String caseId : entry.caseIds()) {
                rows.add(new Row(entry, positions.get(entry.eventId()), caseId));
            }
        }
        int[] updated = jdbc.batchUpdate(UPDATE, setter(rows));
        List<Row> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(INSERT, setter(missing));
        }
    }

    /**
     * The events' positions in the store. A tracking token's index is the highest position its processor has read:
     * the event's own, except for an event that fills a gap (committed after a later one was read), whose token keeps
     * the later index. So each token's index is checked against the store in one query for the batch: where the
     * event stored there is this event, that is its position; for any other (a gap fill, no token) it is looked up
     * by the event's identifier.
     */
    Map<String, Long> positionsOf(List<Entry> batch) {
        List<Long> candidates = batch.stream().map(Entry::tokenPosition).filter(position -> position >= 0)
                .distinct().toList();
        Map<Long, String> stored = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<Long> chunk = candidates.subList(from, Math.min(from + CHUNK, candidates.size()));
            jdbc.query("select global_index, event_identifier from domain_event_entry where global_index in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        stored.put(row.getLong(1), row.getString(2));
                    }, chunk.toArray());
        }
        Map<String, Long> positions = new HashMap<>();
        for (Entry entry : batch) {
            boolean tokenTells = entry.eventId().equals(stored.get(entry.tokenPosition()));
            positions.put(entry.eventId(), tokenTells ? entry.tokenPosition() : positionOf(entry.eventId()));
        }
        return positions;
    }

    private long positionOf(String eventId) {
        return jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId);
    }

    private static BatchPreparedStatementSetter setter(List<Row> rows) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Row row = rows.get(i);
                Entry entry = row.entry();
                statement.setString(1, entry.eventId());
                statement.setString(2, entry.aggregateId());
                statement.setLong(3, entry.sequenceNumber());
                statement.setString(4, entry.eventType());
                if (entry.legalDate() == null) {
                    statement.setNull(5, Types.DATE);
                } else {
                    statement.setObject(5, entry.legalDate());
                }
                statement.setObject(6, entry.recordedAt().atOffset(ZoneOffset.UTC));
                text(statement, 7, entry.summary());
                text(statement, 8, entry.reason());
                text(statement, 9, entry.sourceCitation());
                text(statement, 10, entry.sourceVerification());
                text(statement, 11, entry.recordedBy());
                text(statement, 12, entry.correlationId());
                statement.setLong(13, row.position());
                statement.setString(14, row.caseId());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        };
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
