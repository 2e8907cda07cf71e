package org.casetracker.app.concurrency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row per case, locked by every transaction that writes to the case (see {@link CaseWriteLocks}). */
@Entity
@Table(name = "case_write_lock")
public class CaseWriteLockRow {

    @Id
    @Column(name = "case_id", length = CaseWriteLocks.MAX_CASE_ID_LENGTH)
    private String caseId;

    protected CaseWriteLockRow() {
        // for JPA
    }
}
