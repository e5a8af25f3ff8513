-- A broadcast may be sent at a chosen time instead of now. send_at is that instant; send_zone the
-- time zone it was chosen in, so History says "24 Dec 09:00 (Europe/Berlin)" as the person chose it.
-- Through a Messaging Service each message is handed to Twilio's scheduler with its SendAt (sent
-- with Herald closed); through Notify, which has no scheduling, Herald holds it until then.
ALTER TABLE broadcast ADD COLUMN send_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE broadcast ADD COLUMN send_zone VARCHAR(64);
