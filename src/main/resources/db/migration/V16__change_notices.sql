-- On PostgreSQL, V16 makes the tables people look at announce their changes to the other desktops
-- (db/postgresql). An H2 file has one desktop, which sees its own changes: nothing to do here, and
-- both engines stay at the same schema version.
SELECT 1;
