-- Nothing to change here: H2's V18 replaces REGEXP_LIKE, which H2 compiles for every row, by its
-- REGEXP operator. PostgreSQL's `~` (its schema, V14) caches its compiled pattern. Kept so that
-- both databases count the same schema version.
SELECT 1;
