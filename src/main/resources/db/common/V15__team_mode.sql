-- Team mode: several desktops on one database. What a person edits carries a version, and an
-- edit is written only over the version it was made from (UPDATE ... WHERE version = ?), so an
-- edit of something another desktop changed meanwhile is refused instead of overwriting it.
ALTER TABLE contact ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE recipient_list ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE message_template ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- Work one desktop is doing that no other may do at the same time: sending a broadcast
-- ('broadcast:12'), planning it, importing into a list ('list:5'). The holder renews its lease
-- while it works (heard_at, expires_at, by the database's clock); another desktop may take it over
-- only once it has expired, and every write of the send journal checks that its writer still holds
-- it. owner names the desktop and its data folder; computer is what other desktops are told.
CREATE TABLE work_lease (
    subject     VARCHAR(40) PRIMARY KEY,
    owner       VARCHAR(600) NOT NULL,
    computer    VARCHAR(200) NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heard_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
