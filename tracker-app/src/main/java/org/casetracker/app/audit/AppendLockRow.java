package org.casetracker.app.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that every appending transaction locks (see {@link AppendLock}). */
@Entity
@Table(name = "audit_append_lock")
public class AppendLockRow {

    @Id
    @Column(name = "id")
    private Integer id;

    protected AppendLockRow() {
        // for JPA
    }
}
