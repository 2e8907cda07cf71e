package org.casetracker.app.idempotency;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The remembered first answers of POSTs sent with an {@code Idempotency-Key}. Each call is its own short
 * transaction (auto-commit), apart from the write it guards: a row is claimed before the write and completed
 * after it, so two requests with one key can never both write.
 */
@Component
public class IdempotencyStore {

    static final int MAX_PATH_LENGTH = 2000;
    static final int MAX_BODY_LENGTH = 65_536;

    /** One remembered request: its body's hash and, when it has finished, its answer. */
    public record Entry(String recordKey, String requestHash, Integer status, String location, String contentType,
                        String body) {

        boolean finished() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Entry> find(String recordKey) {
        List<Entry> found = jdbc.query("select record_key, request_hash, status, location, content_type, body "
                        + "from idempotency_record where record_key = ?",
                (row, n) -> new Entry(row.getString(1), row.getString(2), (Integer) row.getObject(3),
                        row.getString(4), row.getString(5), row.getString(6)), recordKey);
        return found.stream().findFirst();
    }

    /** Claims the key for a request about to run; false when another request holds it already. */
    public boolean claim(String recordKey, String key, String user, String method, String path, String requestHash) {
        try {
            jdbc.update("insert into idempotency_record (record_key, idempotency_key, username, method, path, "
                            + "request_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                    recordKey, key, user, method, cut(path, MAX_PATH_LENGTH), requestHash,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DataIntegrityViolationException taken) {
            return false;
        }
    }

    /** Remembers the answer of the request that claimed the key. */
    public void complete(String recordKey, int status, String location, String contentType, String body) {
        jdbc.update("update idempotency_record set status = ?, location = ?, content_type = ?, body = ?, "
                        + "completed_at = ? where record_key = ?",
                status, location == null ? null : cut(location, MAX_PATH_LENGTH), contentType, body,
                Timestamp.from(clock.instant()), recordKey);
    }

    /** Frees the key of a request that stored nothing (it was refused), so that a retry runs again. */
    public void release(String recordKey) {
        jdbc.update("delete from idempotency_record where record_key = ? and status is null", recordKey);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
