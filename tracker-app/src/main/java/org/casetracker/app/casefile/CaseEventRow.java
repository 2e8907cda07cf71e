package org.casetracker.app.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of one case, by its position in the store: the index through which a case's events are
 * read without scanning the store, and the rows of the case's history (with who recorded it and the
 * correlation id of the request, from the event's metadata). An event belongs to its own case and,
 * rarely, to others too: a correction of an order's date that had reopened another case.
 */
@Entity
@IdClass(CaseEventRow.Key.class)
@Table(name = "case_event", indexes = @Index(name = "case_event_by_case", columnList = "case_id, global_index"))
public class CaseEventRow {

    /** The primary key: an event's position and a case it belongs to. */
    public record Key(Long globalIndex, String caseId) implements Serializable {
    }

    @Id
    @Column(name = "global_index")
    private Long globalIndex;
    @Column(name = "event_id", nullable = false, length = 64)
    private String eventId;
    @Id
    @Column(name = "case_id", nullable = false, length = 200)
    private String caseId;
    @Column(name = "aggregate_id", nullable = false, length = 300)
    private String aggregateId;
    @Column(name = "sequence_number", nullable = false)
    private long sequenceNumber;
    @Column(name = "event_type", nullable = false, length = 100)
    private String eventType;
    @Column(name = "legal_date")
    private LocalDate legalDate;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "summary", length = 2000)
    private String summary;
    @Column(name = "reason", length = 2000)
    private String reason;
    @Column(name = "source_citation", length = 2000)
    private String sourceCitation;
    @Column(name = "source_verification", length = 20)
    private String sourceVerification;
    @Column(name = "recorded_by", length = 200)
    private String recordedBy;
    @Column(name = "correlation_id", length = 200)
    private String correlationId;

    protected CaseEventRow() {
        // for JPA
    }

    CaseEventRow(long globalIndex, String eventId, String caseId, String aggregateId, long sequenceNumber,
                 String eventType, LocalDate legalDate, Instant recordedAt, String summary, String reason,
                 String sourceCitation, String sourceVerification, String recordedBy, String correlationId) {
        this.globalIndex = globalIndex;
        this.eventId = eventId;
        this.caseId = caseId;
        this.aggregateId = aggregateId;
        this.sequenceNumber = sequenceNumber;
        this.eventType = eventType;
        this.legalDate = legalDate;
        this.recordedAt = recordedAt;
        this.summary = summary;
        this.reason = reason;
        this.sourceCitation = sourceCitation;
        this.sourceVerification = sourceVerification;
        this.recordedBy = recordedBy;
        this.correlationId = correlationId;
    }

    public Long globalIndex() {
        return globalIndex;
    }

    public String eventId() {
        return eventId;
    }

    public String caseId() {
        return caseId;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    public String eventType() {
        return eventType;
    }

    public LocalDate legalDate() {
        return legalDate;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String summary() {
        return summary;
    }

    public String reason() {
        return reason;
    }

    public String sourceCitation() {
        return sourceCitation;
    }

    public String sourceVerification() {
        return sourceVerification;
    }

    /** Who recorded the event (its metadata's {@code user}); null for events recorded before metadata existed. */
    public String recordedBy() {
        return recordedBy;
    }

    /** The correlation id of the request that recorded the event (its metadata's {@code correlationId}). */
    public String correlationId() {
        return correlationId;
    }
}
