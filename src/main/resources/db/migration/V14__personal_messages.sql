-- Personal messages. A contact keeps its file's first and last name beside the full name, and the
-- other columns a person chose to keep in extra (a JSON object, field name to text); a list knows
-- which fields its contacts may have (comma-separated names), so the composer can offer them
-- without reading a million contacts.
ALTER TABLE contact ADD COLUMN first_name VARCHAR(100);
ALTER TABLE contact ADD COLUMN last_name VARCHAR(100);
ALTER TABLE recipient_list ADD COLUMN fields VARCHAR(2000);

-- A personal broadcast keeps its template in broadcast.body and each recipient's own text, merged
-- when it was planned, in broadcast_recipient.body: a resume sends exactly what was confirmed, even
-- after the contact was edited. segments is then the longest text's, and segment_total the sum that
-- the cost was counted from; both null columns mean one text for everybody.
ALTER TABLE broadcast_recipient ADD COLUMN body VARCHAR(1600);
ALTER TABLE broadcast ADD COLUMN segment_total BIGINT;
