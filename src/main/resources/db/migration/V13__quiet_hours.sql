-- Quiet hours of a broadcast: its messages arrive only from quiet_from up to quiet_to in every time
-- zone of each number (else each waits, as its own SendAt, for the first minute that is); a number
-- whose zones are not known counts as in quiet_zone, the zone the person chose. Null: any hour.
ALTER TABLE broadcast ADD COLUMN quiet_from TIME;
ALTER TABLE broadcast ADD COLUMN quiet_to TIME;
ALTER TABLE broadcast ADD COLUMN quiet_zone VARCHAR(64);
