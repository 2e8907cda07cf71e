package org.casetracker.app.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The table of idempotent POSTs (rows are written and read by {@link IdempotencyStore} with SQL; this mapping makes
 * Hibernate create the table). One row per {@code Idempotency-Key} of one user on one method and path: the hash of
 * the first request's body and, once it succeeded, its answer. A row without a status is a request in progress (or
 * one that never finished: its outcome is unknown, so the key is not run again).
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    /** SHA-256 (hex) of user, method, path and key: a fixed-length primary key for any path. */
    @Id
    @Column(name = "record_key", length = 64)
    private String recordKey;
    @Column(name = "idempotency_key", nullable = false, length = IdempotencyFilter.MAX_KEY_LENGTH)
    private String idempotencyKey;
    @Column(name = "username", nullable = false, length = 100)
    private String username;
    @Column(name = "method", nullable = false, length = 10)
    private String method;
    @Column(name = "path", nullable = false, length = IdempotencyStore.MAX_PATH_LENGTH)
    private String path;
    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;
    @Column(name = "status")
    private Integer status;
    @Column(name = "location", length = IdempotencyStore.MAX_PATH_LENGTH)
    private String location;
    @Column(name = "content_type", length = 200)
    private String contentType;
    @Column(name = "body", length = IdempotencyStore.MAX_BODY_LENGTH)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected IdempotencyRecord() {
        // for JPA
    }
}
