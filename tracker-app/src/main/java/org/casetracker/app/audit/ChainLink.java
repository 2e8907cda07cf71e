package org.casetracker.app.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One link of the hash chain: the hash of the event at a global index. Rows are only ever appended (by
 * {@link ChainWriter}), never updated or deleted. Mapped so that the schema is created with the others; read and
 * written with plain SQL.
 */
@Entity
@Table(name = "audit_chain")
public class ChainLink {

    @Id
    @Column(name = "global_index")
    private Long globalIndex;
    @Column(name = "event_identifier", nullable = false, length = 255)
    private String eventIdentifier;
    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected ChainLink() {
        // for JPA
    }
}
