package org.casetracker.app.casefile;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds of one case take turns (table {@code case_fold_lock}). The case-file processor has several segments, on one
 * node or spread over several: two batches may index events of one case at once (a correction that re-dates another
 * case's effects lands in that case's history too). Each batch writes its index rows first, then locks the case's
 * row and folds; the second to lock waits for the first to commit and then reads its rows (read committed), so the
 * last fold written always holds both. Rows are locked in sorted order, so two batches never deadlock.
 */
@Component
class CaseFoldLocks {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    CaseFoldLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Locks the case's row in the current transaction (made first, in a transaction of its own, if new). */
    void lock(String caseId) {
        if (jdbc.queryForList("select case_id from case_fold_lock where case_id = ? for update", String.class, caseId)
                .isEmpty()) {
            create(caseId);
            jdbc.queryForList("select case_id from case_fold_lock where case_id = ? for update", String.class, caseId);
        }
    }

    /** Apart from the batch: a duplicate key would abort the batch's whole transaction on PostgreSQL. */
    private void create(String caseId) {
        try {
            separately.executeWithoutResult(status -> jdbc.update("insert into case_fold_lock (case_id) select ? "
                    + "where not exists (select 1 from case_fold_lock where case_id = ?)", caseId, caseId));
        } catch (DataIntegrityViolationException madeMeanwhile) {
            // another batch made it at the same moment: it exists, which is all the lock needs
        }
    }
}
