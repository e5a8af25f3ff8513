-- The Messaging channel sends one message per recipient, so its journal is per recipient: each
-- recipient's state, SID and error live on its snapshot row, under batch 0 (no Notify batch). A
-- Notify broadcast's recipients keep no state there: their batch holds it. `status` is Twilio's
-- last known status of the message (delivered, failed, ...), filled in by the delivery-status work.
-- `name` is the recipient's name as the lists had it when the broadcast was made, for History's search.
ALTER TABLE broadcast ADD COLUMN channel VARCHAR(10) DEFAULT 'NOTIFY' NOT NULL;
ALTER TABLE broadcast ADD CONSTRAINT ck_broadcast_channel CHECK (channel IN ('NOTIFY', 'MESSAGES'));
-- Maintained in the journal's commits for a Messaging broadcast (a Notify one counts its batches)
ALTER TABLE broadcast ADD COLUMN uncertain_count INT DEFAULT 0 NOT NULL;
ALTER TABLE broadcast ADD COLUMN marked_sent_count INT DEFAULT 0 NOT NULL;

ALTER TABLE broadcast_recipient ADD COLUMN name VARCHAR(300);
ALTER TABLE broadcast_recipient ADD COLUMN state VARCHAR(12);
ALTER TABLE broadcast_recipient ADD COLUMN sid VARCHAR(34);
ALTER TABLE broadcast_recipient ADD COLUMN error_code INT;
ALTER TABLE broadcast_recipient ADD COLUMN error_message VARCHAR(500);
ALTER TABLE broadcast_recipient ADD COLUMN attempts INT;
ALTER TABLE broadcast_recipient ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broadcast_recipient ADD COLUMN status VARCHAR(20);
ALTER TABLE broadcast_recipient ADD CONSTRAINT ck_broadcast_recipient_state
    CHECK (state IS NULL OR state IN ('PENDING', 'IN_FLIGHT', 'ACCEPTED', 'FAILED', 'UNCERTAIN', 'MARKED_SENT'));
ALTER TABLE broadcast_recipient ADD CONSTRAINT ck_broadcast_recipient_sid CHECK (state <> 'ACCEPTED' OR sid IS NOT NULL);
