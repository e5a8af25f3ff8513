-- Searching a list for a part of a name or of a number cannot use an index (the part can be
-- anywhere), and reading a million contacts row by row to test them took 1.3-2.6 s. So each list
-- keeps its contacts' numbers and names packed as text, a thousand contacts a block, in id order:
-- a search reads about a thousand rows and looks through them in memory (see SearchIndex).
-- A block covers the ids first_id..last_id of its list. It is a copy, made again from the contacts
-- when stale: an edit of a contact marks its block stale in the edit's transaction, and new
-- contacts (ids after every block) are added as new blocks by the next search or by the import.
-- contacts_version counts the edits of a list's contacts: a block made from contacts read at one
-- version is kept only if the version is still the same when it is written.
ALTER TABLE recipient_list ADD COLUMN contacts_version BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE contact_search_block (
    list_id   BIGINT NOT NULL,
    first_id  BIGINT NOT NULL,
    last_id   BIGINT NOT NULL,
    stale     BOOLEAN DEFAULT FALSE NOT NULL,
    -- the contacts' ids, 8 bytes each, in id order
    ids       VARBINARY(1000000) NOT NULL,
    -- each contact's number without its '+', then a line break, in the order of ids
    numbers   VARCHAR(1000000) NOT NULL,
    -- each contact's name in lower case (empty when it has none), then a line break
    names     VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_contact_search_block PRIMARY KEY (list_id, first_id),
    CONSTRAINT fk_contact_search_block_list FOREIGN KEY (list_id) REFERENCES recipient_list (id) ON DELETE CASCADE,
    CONSTRAINT ck_contact_search_block_range CHECK (first_id <= last_id)
);
