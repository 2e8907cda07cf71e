-- The live case file is no longer stored whole (ADR 0022): a live read is the as-of read of today known now, from the
-- fold's checkpoints kept with the case's events, and the projection no longer rewrites a growing JSON document per
-- batch. The row keeps what the case list shows, and the case's last legal date: a case holding a date after today
-- is listed as of today instead (folded from its events). A row written before this version has no last legal date
-- until its case is next folded; meanwhile the list folds it too.
-- It also keeps the count and last position of the case's index rows (case_event), written in the same transaction
-- as the rows: the case's cached events are checked against them by key instead of counting the case's rows (null:
-- not kept yet, so counted).
-- "if (not) exists": a store made before Flyway by Hibernate's ddl-auto (baselined as V1) may have these already.
alter table case_file add column if not exists court_name varchar(300);
alter table case_file add column if not exists last_legal_date date;
alter table case_file add column if not exists indexed_events bigint;
alter table case_file add column if not exists last_indexed bigint;
alter table case_file drop column if exists document;
