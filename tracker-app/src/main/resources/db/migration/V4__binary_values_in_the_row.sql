-- Axon's @Lob byte[] columns hold their values in the row (ADR 0027): binary varying on H2, where a blob went to the
-- database's separate LOB storage, whose pages every commit rewrote beside the table's and whose every read made a
-- temporary copy. ${binary_type} is bytea on PostgreSQL, which V1 already made: there it changes nothing.
-- The values are converted as they are; the not-null constraints stay.
alter table domain_event_entry alter column payload set data type ${binary_type};
alter table domain_event_entry alter column meta_data set data type ${binary_type};
alter table snapshot_event_entry alter column payload set data type ${binary_type};
alter table snapshot_event_entry alter column meta_data set data type ${binary_type};
alter table token_entry alter column token set data type ${binary_type};
alter table saga_entry alter column serialized_saga set data type ${binary_type};
alter table dead_letter_entry alter column diagnostics set data type ${binary_type};
alter table dead_letter_entry alter column meta_data set data type ${binary_type};
alter table dead_letter_entry alter column payload set data type ${binary_type};
alter table dead_letter_entry alter column token set data type ${binary_type};
