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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the index rows ({@link CaseEventRow}) of a whole batch of events at once, in the batch's transaction: one
 * query reads the rows already at the events' positions, which confirms most positions (one more query checks the
 * others against the store), and two JDBC batches write the rows that are missing (inserted) or say something else
 * (updated by their key). A replay finds its rows in place and writes only those it repairs (ADR 0020).
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

    /** What a batch's write did: each event's verified position, by its identifier, and the rows inserted per case. */
    record Written(Map<String, Long> positions, Map<String, Integer> insertedByCase) {

        static Written of(Map<String, Long> positions, List<Row> inserted) {
            Map<String, Integer> byCase = new HashMap<>();
            inserted.forEach(row -> byCase.merge(row.caseId(), 1, Integer::sum));
            return new Written(positions, byCase);
        }

        int insertedFor(String caseId) {
            return insertedByCase.getOrDefault(caseId, 0);
        }
    }

    private final JdbcTemplate jdbc;
    private final IndexWrites writes;
    private volatile boolean compareFirst = true;

    CaseEventIndex(JdbcTemplate jdbc, IndexWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Writes the rows of the batch's events that are missing or say something else: one per event and case it belongs
     * to. The rows at the batch's token positions are read first, in one query: in a replay they exist and nearly
     * always say what the event says, so they are left alone, which spares the replay its writes and most of its
     * commit. A row holding the event's own identifier at the token's position was written there with the event's
     * verified position, so it confirms that position too; only the other events (live ones, gap fills) are checked
     * against the store ({@link #positionsOf}).
     *
     * @return each event's verified position, and the rows inserted per case
     */
    Written write(List<Entry> batch) {
        if (!compareFirst) {
            return rewrite(batch);
        }
        Map<Long, List<IndexedRow>> indexed = rowsAt(batch.stream().map(Entry::tokenPosition).toList());
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        List<Entry> unconfirmed = new ArrayList<>();
        long unchanged = 0;
        Map<String, Long> verified = new HashMap<>();
        for (Entry entry : batch) {
            List<IndexedRow> atToken = indexed.getOrDefault(entry.tokenPosition(), List.of());
            if (atToken.stream().noneMatch(row -> row.eventId().equals(entry.eventId()))) {
                unconfirmed.add(entry);
                continue;
            }
            verified.put(entry.eventId(), entry.tokenPosition());
            for (String caseId : entry.caseIds()) {
                IndexedRow stored = rowOf(atToken, caseId);
                if (stored == null) {
                    inserts.add(new Row(entry, entry.tokenPosition(), caseId));
                } else if (stored.says(entry)) {
                    unchanged++;
                } else {
                    updates.add(new Row(entry, entry.tokenPosition(), caseId));
                }
            }
        }
        Map<String, Long> positions = positionsOf(unconfirmed);
        verified.putAll(positions);
        for (Entry entry : unconfirmed) {
            long position = positions.get(entry.eventId());
            // the rows at its own position were read above, unless it filled a gap (its token says a later one)
            List<IndexedRow> atPosition = position == entry.tokenPosition()
                    ? indexed.getOrDefault(position, List.of()) : null;
            for (String caseId : entry.caseIds()) {
                Row row = new Row(entry, position, caseId);
                if (atPosition != null && rowOf(atPosition, caseId) == null) {
                    inserts.add(row); // a live event: its row is new
                } else {
                    updates.add(row); // repaired, or a gap fill's: by key, and inserted below if there was none
                }
            }
        }
        int[] updated = updates.isEmpty() ? new int[0] : jdbc.batchUpdate(UPDATE, setter(updates));
        long rewritten = 0;
        for (int i = 0; i < updates.size(); i++) {
            if (updated[i] == 0) {
                inserts.add(updates.get(i));
            } else {
                rewritten++;
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, setter(inserts));
        }
        writes.count(inserts.size(), rewritten, unchanged);
        return Written.of(verified, inserts);
    }

    /** As before ADR 0020, for the benchmark's side by side: every row updated by its key, inserted if missing. */
    private Written rewrite(List<Entry> batch) {
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
        writes.count(missing.size(), rows.size() - missing.size(), 0);
        return Written.of(positions, missing);
    }

    /**
     * On (the default): rows are read and compared before any is written. Off: every row is written, as before
     * ADR 0020; only the benchmark switches it, to measure both in one run.
     */
    void compareBeforeWriting(boolean on) {
        this.compareFirst = on;
    }

    /**
     * The rows stored at these positions, by position. Positions that lie close together (a replay's batch: every
     * position of a stretch of the store) are read as one range of the key, the rows between them left out; an
     * {@code in} list of 1,000 keys was a quarter of a bulk replay's handling in a flight recording (ADR 0021).
     * Otherwise one query per {@link #CHUNK} positions.
     */
    private Map<Long, List<IndexedRow>> rowsAt(List<Long> positions) {
        List<Long> wanted = positions.stream().filter(position -> position >= 0).distinct().toList();
        Map<Long, List<IndexedRow>> rows = new HashMap<>();
        if (wanted.isEmpty()) {
            return rows;
        }
        long lowest = Collections.min(wanted);
        long highest = Collections.max(wanted);
        if (wanted.size() > 1 && highest - lowest < 2L * wanted.size()) {
            Set<Long> asked = new HashSet<>(wanted);
            jdbc.query("select " + IndexedRow.COLUMNS + " from case_event where global_index between ? and ?",
                    row -> {
                        IndexedRow read = IndexedRow.read(row);
                        if (asked.contains(read.position())) {
                            rows.computeIfAbsent(read.position(), position -> new ArrayList<>(1)).add(read);
                        }
                    }, lowest, highest);
            return rows;
        }
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Long> chunk = wanted.subList(from, Math.min(from + CHUNK, wanted.size()));
            jdbc.query("select " + IndexedRow.COLUMNS + " from case_event where global_index in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    row -> {
                        IndexedRow read = IndexedRow.read(row);
                        rows.computeIfAbsent(read.position(), position -> new ArrayList<>(1)).add(read);
                    }, chunk.toArray());
        }
        return rows;
    }

    private static IndexedRow rowOf(List<IndexedRow> atPosition, String caseId) {
        for (IndexedRow row : atPosition) {
            if (row.caseId().equals(caseId)) {
                return row;
            }
        }
        return null;
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
