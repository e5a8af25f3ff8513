-- What Twilio's log says happened to each message, learnt by polling (a desktop gets no webhooks).
-- A recipient's status, error_code and error_message then say how its message ended: delivered,
-- undelivered with 30003..., failed. status_at is Twilio's date_updated of that status, so an older
-- answer never overwrites a newer one; status_matched marks a Notify recipient whose message was
-- found in the log by number, body and time (Notify names no SID), not by its SID.
ALTER TABLE broadcast_recipient ADD COLUMN status_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broadcast_recipient ADD COLUMN status_matched BOOLEAN DEFAULT FALSE NOT NULL;

-- A broadcast's messages by status, recounted after every check, and until when it is followed:
-- statuses_settled_at is set once every message is final or the validity period has passed.
ALTER TABLE broadcast ADD COLUMN sent_count INT DEFAULT 0 NOT NULL;
ALTER TABLE broadcast ADD COLUMN delivered_count INT DEFAULT 0 NOT NULL;
ALTER TABLE broadcast ADD COLUMN undelivered_count INT DEFAULT 0 NOT NULL;
ALTER TABLE broadcast ADD COLUMN delivery_failed_count INT DEFAULT 0 NOT NULL;
ALTER TABLE broadcast ADD COLUMN statuses_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broadcast ADD COLUMN statuses_settled_at TIMESTAMP WITH TIME ZONE;
-- broadcasts sent before Herald followed statuses are not followed now
UPDATE broadcast SET statuses_settled_at = CURRENT_TIMESTAMP;

-- Every reply to the Messaging Service's senders, once, with what it did to the opt-out list
CREATE TABLE reply (
    sid             VARCHAR(34) PRIMARY KEY,
    from_e164       VARCHAR(16) NOT NULL,
    to_e164         VARCHAR(16) NOT NULL,
    body            VARCHAR(1600) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the newest broadcast to that number before the reply came, and its name there; null when none
    broadcast_id    BIGINT,
    name            VARCHAR(300),
    effect          VARCHAR(10) NOT NULL,
    CONSTRAINT fk_reply_broadcast FOREIGN KEY (broadcast_id) REFERENCES broadcast (id) ON DELETE SET NULL,
    CONSTRAINT ck_reply_effect CHECK (effect IN ('OPTED_OUT', 'OPTED_IN', 'NONE'))
);
CREATE INDEX ix_reply_broadcast ON reply (broadcast_id, received_at);
CREATE INDEX ix_reply_from ON reply (from_e164, received_at);

-- When Herald last read Twilio's log, and the replies up to when
CREATE TABLE status_check (
    id              INT PRIMARY KEY,
    checked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    replies_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_status_check_one CHECK (id = 1)
);
