-- H2 2.5 cannot commit one very large transaction atomically: a crash during the commit of a
-- million-row import left part of it, and indexes that disagreed with the table. So Herald writes
-- in bounded transactions where nothing can use the rows yet, and one small commit makes them count:
-- an import fills a list nobody sees (IMPORTING) and publishes it; a deleted list is first hidden
-- (RETIRED), then emptied; a broadcast is PLANNING until its recipients and batches are all written.
-- Start-up removes what a crash left IMPORTING, RETIRED or PLANNING.
ALTER TABLE recipient_list ADD COLUMN state VARCHAR(10) DEFAULT 'VISIBLE' NOT NULL;
ALTER TABLE recipient_list ADD CONSTRAINT ck_recipient_list_state CHECK (state IN ('VISIBLE', 'IMPORTING', 'RETIRED'));

-- A batch's numbers are read by (broadcast_id, batch_no) in number order; each number is in one
-- batch, written once by the planner. One index instead of two halves what planning writes.
ALTER TABLE broadcast_recipient DROP CONSTRAINT pk_broadcast_recipient;
DROP INDEX ix_broadcast_recipient_batch;
ALTER TABLE broadcast_recipient ADD CONSTRAINT pk_broadcast_recipient PRIMARY KEY (broadcast_id, batch_no, e164);
