-- A person who checked Twilio's logs can settle an UNCERTAIN batch as sent: it is never sent again,
-- and it has no SID of Herald's own (the answer never came), so it is not ACCEPTED.
ALTER TABLE batch DROP CONSTRAINT ck_batch_state;
ALTER TABLE batch ADD CONSTRAINT ck_batch_state
    CHECK (state IN ('PENDING', 'IN_FLIGHT', 'ACCEPTED', 'FAILED', 'UNCERTAIN', 'MARKED_SENT'));
