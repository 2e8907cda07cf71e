package org.casetracker.app.concurrency;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Writes to one case take turns: each locks the case's row ({@code select … for update}) in its own transaction
 * before its checks and holds it until it commits. So what a write checks (an {@code If-Match}, an entry number
 * still free) is still true when it commits, on one node or on several sharing the database. Writes to different
 * cases do not wait for each other. Rows are locked in one order (sorted ids), so two writes never deadlock.
 */
@Component
public class CaseWriteLocks {

    static final int MAX_CASE_ID_LENGTH = 300;

    private final JdbcTemplate jdbc;

    public CaseWriteLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes sure each case has its row; outside the write's transaction, auto-committed. */
    public void ensureRows(Collection<String> caseIds) {
        for (String caseId : caseIds) {
            if (caseId.length() > MAX_CASE_ID_LENGTH) {
                continue; // no case has such an id; the write will be refused before it stores anything
            }
            try {
                jdbc.update("insert into case_write_lock (case_id) select ? where not exists "
                        + "(select 1 from case_write_lock where case_id = ?)", caseId, caseId);
            } catch (DataIntegrityViolationException insertedMeanwhile) {
                // another write made the row at the same moment: it exists, which is all we need
            }
        }
    }

    /** Locks the rows of the cases, in the given (sorted) order, in the current transaction. */
    public void lock(Collection<String> sortedCaseIds) {
        for (String caseId : sortedCaseIds) {
            jdbc.queryForList("select case_id from case_write_lock where case_id = ? for update", String.class,
                    caseId);
        }
    }
}
