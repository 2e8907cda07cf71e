package org.casetracker.app.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * The live case file of one case: the summary columns for listing, and the whole fold as a JSON
 * document for the detail, claims and docket reads. Read here; written by {@link CaseFileDocuments}.
 */
@Entity
@Table(name = "case_file")
public class CaseFileRow {

    @Id
    @Column(name = "case_id", length = 200)
    private String caseId;
    @Column(name = "court", nullable = false, length = 40)
    private String court;
    @Column(name = "docket_number", nullable = false, length = 80)
    private String docketNumber;
    @Column(name = "caption", nullable = false, length = 500)
    private String caption;
    @Column(name = "status", nullable = false, length = 20)
    private String status;
    @Column(name = "disposition", length = 40)
    private String disposition;
    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @Lob
    @Column(name = "document", nullable = false)
    private String document;

    protected CaseFileRow() {
        // for JPA
    }

    public String caseId() {
        return caseId;
    }

    public String document() {
        return document;
    }
}
