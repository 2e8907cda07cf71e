package org.casetracker.app.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.casetracker.domain.cases.CaseStatus;
import org.casetracker.domain.cases.Disposition;
import org.casetracker.domain.shared.CaseId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The live projection's row of one case: what the case list shows, with the status in force, as of the case's last
 * event ({@code lastPosition}, {@code lastLegalDate}); and the count and last position of the case's index rows, which
 * the case's cached events are checked against ({@link CaseEventStore}). The case's detail, claims and docket are not
 * stored: live reads fold them from the case's events like any as-of read (ADR 0022). Read here; written by
 * {@link CaseFileSummaries}.
 */
@Entity
@Table(name = "case_file")
public class CaseFileRow {

    @Id
    @Column(name = "case_id", length = 200)
    private String caseId;
    @Column(name = "court", nullable = false, length = 40)
    private String court;
    @Column(name = "court_name", length = 300)
    private String courtName;
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
    @Column(name = "last_legal_date")
    private LocalDate lastLegalDate;
    @Column(name = "indexed_events")
    private Long indexedEvents;
    @Column(name = "last_indexed")
    private Long lastIndexed;

    protected CaseFileRow() {
        // for JPA
    }

    public String caseId() {
        return caseId;
    }

    /**
     * The line of the case list this row holds, when it holds the case as it stands today; empty when the case holds
     * a legal date after today (at most tomorrow, in another time zone) or the row was written before it kept its
     * last legal date (V3): then the case is folded as of today instead.
     */
    Optional<ListedCase> listedOn(LocalDate today) {
        if (lastLegalDate == null || lastLegalDate.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new ListedCase(new CaseId(caseId), court, courtName, docketNumber, caption, filedOn,
                CaseStatus.valueOf(status), disposition == null ? null : Disposition.valueOf(disposition)));
    }
}
