-- H2 2.5 gives every foreign key an index of exactly its columns, and cannot use an index that
-- only begins with them: contact kept a (list_id) index beside (list_id, e164) and (list_id, id),
-- and broadcast_recipient a (broadcast_id) index beside its primary key (broadcast_id, batch_no,
-- e164). Every contact imported and every recipient planned wrote an index entry nothing ever read
-- (a million-row import: one index in four; a million-recipient plan: one in two). Herald removes a
-- list's contacts and a broadcast's recipients itself, in bounded transactions, before the list or
-- the broadcast (RecipientLists.purge, BroadcastPlanner.remove), so the cascades were never used.
ALTER TABLE contact DROP CONSTRAINT fk_contact_list;
ALTER TABLE broadcast_recipient DROP CONSTRAINT fk_broadcast_recipient_broadcast;
