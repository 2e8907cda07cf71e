-- The whole schema as Hibernate's ddl-auto made it on H2 before Flyway owned it (such a store is baselined at this
-- version: spring.flyway.baseline-on-migrate). One script for both databases: only the types of the @Lob columns
-- differ, given by placeholders (application.yml: blob and clob on H2; application-postgres.yml: bytea and text,
-- values in the row, never oid large objects). Hibernate validates the result at every start (ddl-auto: validate).

-- Axon: the event store. global_index from its own sequence of increment 1 (META-INF/orm.xml): no gaps on restart.
create sequence domain_event_global_index_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index bigint not null,
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255),
    meta_data ${blob_type},
    payload ${blob_type} not null,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_event_uk unique (event_identifier),
    constraint domain_event_entry_aggregate_uk unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number bigint not null,
    aggregate_identifier varchar(255) not null,
    event_identifier varchar(255) not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    type varchar(255) not null,
    meta_data ${blob_type},
    payload ${blob_type} not null,
    constraint snapshot_event_entry_pk primary key (sequence_number, aggregate_identifier, type),
    constraint snapshot_event_entry_event_uk unique (event_identifier)
);

-- Axon: the token store (one row per processor and segment; owner and timestamp are the claim).
create table token_entry (
    segment integer not null,
    owner varchar(255),
    processor_name varchar(255) not null,
    timestamp varchar(255) not null,
    token_type varchar(255),
    token ${blob_type},
    constraint token_entry_pk primary key (segment, processor_name)
);

-- Axon: sagas and dead letters. Unused here, but Axon's JPA configuration maps them, so they must exist.
create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id bigint not null,
    association_key varchar(255) not null,
    association_value varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    constraint association_value_entry_pk primary key (id)
);
create index association_value_entry_by_value on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_by_saga on association_value_entry (saga_id, saga_type);

create table saga_entry (
    revision varchar(255),
    saga_id varchar(255) not null,
    saga_type varchar(255),
    serialized_saga ${blob_type},
    constraint saga_entry_pk primary key (saga_id)
);

create table dead_letter_entry (
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint not null,
    sequence_number bigint,
    cause_message varchar(1023),
    aggregate_identifier varchar(255),
    cause_type varchar(255),
    dead_letter_id varchar(255) not null,
    event_identifier varchar(255) not null,
    message_type varchar(255) not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    token_type varchar(255),
    type varchar(255),
    diagnostics ${blob_type},
    meta_data ${blob_type},
    payload ${blob_type} not null,
    token ${blob_type},
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_by_group on dead_letter_entry (processing_group);
create index dead_letter_entry_by_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- The projection of case files (casefile.CaseFileProjection): the index and history of each case, and its file.
create table case_event (
    legal_date date,
    global_index bigint not null,
    recorded_at timestamp(6) with time zone not null,
    sequence_number bigint not null,
    source_verification varchar(20),
    event_id varchar(64) not null,
    event_type varchar(100) not null,
    case_id varchar(200) not null,
    correlation_id varchar(200),
    recorded_by varchar(200),
    aggregate_id varchar(300) not null,
    reason varchar(2000),
    source_citation varchar(2000),
    summary varchar(2000),
    constraint case_event_pk primary key (global_index, case_id)
);
create index case_event_by_case on case_event (case_id, global_index);

create table case_file (
    filed_on date not null,
    last_position bigint not null,
    status varchar(20) not null,
    court varchar(40) not null,
    disposition varchar(40),
    docket_number varchar(80) not null,
    case_id varchar(200) not null,
    caption varchar(500) not null,
    document ${clob_type} not null,
    constraint case_file_pk primary key (case_id)
);

-- The audit hash chain (audit.ChainWriter) and the lock that orders appends (audit.AppendLock).
create table audit_chain (
    global_index bigint not null,
    hash varchar(64) not null,
    event_identifier varchar(255) not null,
    constraint audit_chain_pk primary key (global_index)
);

create table audit_append_lock (
    id integer not null,
    constraint audit_append_lock_pk primary key (id)
);

-- One lock row per case (concurrency.CaseWriteLocks) and the remembered idempotent POSTs (idempotency).
create table case_write_lock (
    case_id varchar(300) not null,
    constraint case_write_lock_pk primary key (case_id)
);

create table idempotency_record (
    status integer,
    completed_at timestamp(6) with time zone,
    created_at timestamp(6) with time zone not null,
    method varchar(10) not null,
    record_key varchar(64) not null,
    request_hash varchar(64) not null,
    username varchar(100) not null,
    content_type varchar(200),
    idempotency_key varchar(200) not null,
    location varchar(2000),
    path varchar(2000) not null,
    body varchar(65536),
    constraint idempotency_record_pk primary key (record_key)
);
