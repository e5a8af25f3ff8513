-- The lists a broadcast went to, by the names they had then: a list renamed or deleted later
-- must not change what the history says was sent to whom. Older broadcasts have none recorded.
ALTER TABLE broadcast ADD COLUMN list_names VARCHAR(4000) DEFAULT '' NOT NULL;
