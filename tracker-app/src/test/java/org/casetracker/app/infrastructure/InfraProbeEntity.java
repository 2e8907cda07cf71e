package org.casetracker.app.infrastructure;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Test-only JPA entity under org.casetracker.app: proves the app's own entities share the event store's database. */
@Entity
public class InfraProbeEntity {

    @Id
    private String id;

    protected InfraProbeEntity() {
    }

    public InfraProbeEntity(String id) {
        this.id = id;
    }
}
