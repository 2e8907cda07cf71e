-- One row per case, locked by the case-file projection before it folds the case (casefile.CaseFoldLocks): with
-- several segments, on one node or several, two batches that touch one case fold it one after the other, and the
-- second sees the first's index rows. Apart from case_write_lock, so that writers and folders never wait on each other.
create table case_fold_lock (
    case_id varchar(200) not null,
    constraint case_fold_lock_pk primary key (case_id)
);

-- The nodes sharing this store, each seen within the last few seconds (infrastructure.SegmentBalancer): a node holding
-- more than its share of a processor's segments releases one, so that a node that joins gets its part of the work.
create table processor_node (
    node_id varchar(255) not null,
    seen_at timestamp(6) with time zone not null,
    constraint processor_node_pk primary key (node_id)
);
