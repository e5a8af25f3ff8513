package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.message.Encoding;
import app.herald.message.MessageAnalysis;
import app.herald.message.PersonalMessage;
import app.herald.message.PersonalTexts;
import app.herald.settings.ChannelKind;
import app.herald.storage.BulkWrites;
import app.herald.storage.Checkpoints;
import app.herald.storage.Lease;
import app.herald.storage.WorkLeases;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns a quote into a broadcast: the recipients snapshotted (each number once, opted-out numbers
 * left out, in number order) and, for Notify, split into PENDING batches of as many as one request
 * carries; for the Messaging channel each recipient is PENDING itself, under batch 0. It is written in bounded transactions (a batch's journal row with its last)
 * while the broadcast is PLANNING, where nothing can send it or count it; one small commit makes
 * it READY. A failure removes it; a crash leaves it PLANNING, and the next start removes it. For
 * Notify, ten thousand of the longest bindings URL-encoded, with a 1,600 character body, make
 * about 980 KB: always under its 1 MB.
 */
final class BroadcastPlanner {

    private final Jdbi jdbi;
    private final Audience audience;

    BroadcastPlanner(Jdbi jdbi, Audience audience) {
        this.jdbi = jdbi;
        this.audience = audience;
    }

    /** @return the new broadcast's id; its lease is handed over to this desktop's run of it */
    long plan(Quote quote, String serviceSid, ChannelKind channel) {
        String body = quote.body();
        if (body.isBlank() || body.codePointCount(0, body.length()) > MessageAnalysis.MAX_BODY_CHARACTERS) {
            throw new IllegalArgumentException("A message needs 1 to " + MessageAnalysis.MAX_BODY_CHARACTERS + " characters.");
        }
        if (quote.listIds().isEmpty()) {
            throw new IllegalArgumentException("Choose at least one list to send to.");
        }
        List<Long> lists = quote.listIds();
        AudienceCount reach = audience.count(lists);
        if (reach.recipients() == 0) {
            throw new IllegalArgumentException("Nobody to send to: the lists are empty, or everyone in them opted out.");
        }
        long id = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO broadcast (body, encoding, segments, mode, channel, service_sid, state,
                                               recipient_count, opted_out_count, duplicate_count, send_at, send_zone,
                                               quiet_from, quiet_to, quiet_zone, list_names)
                        VALUES (:body, :encoding, :segments, :mode, :channel, :service, :state, :recipients, :optedOut,
                                :duplicates, :sendAt, :sendZone, :quietFrom, :quietTo, :quietZone, :listNames)""")
                .bind("body", body).bind("encoding", quote.encoding().label()).bind("segments", quote.segments())
                .bind("mode", quote.mode().name()).bind("channel", channel.name()).bind("service", serviceSid).bind("state", BroadcastState.PLANNING.name())
                .bind("recipients", reach.recipients()).bind("optedOut", reach.optedOut()).bind("duplicates", reach.duplicates())
                .bind("sendAt", quote.isScheduled() ? Timestamp.from(quote.schedule().at()) : null)
                .bind("sendZone", quote.isScheduled() ? quote.schedule().zone().getId() : null)
                .bind("quietFrom", quote.quiet() == null ? null : quote.quiet().hours().from())
                .bind("quietTo", quote.quiet() == null ? null : quote.quiet().hours().to())
                .bind("quietZone", quote.quiet() == null ? null : quote.quiet().fallback().getId())
                .bind("listNames", String.join(", ", handle.createQuery(
                                "SELECT name FROM recipient_list WHERE id IN (<lists>) ORDER BY LOWER(name), name")
                        .bindList("lists", lists).mapTo(String.class).list()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        // another desktop starting meanwhile leaves a PLANNING broadcast alone while its lease lives
        Lease lease = WorkLeases.take(jdbi, BroadcastLease.subject(id));
        try {
            PersonalTexts.Counter personal = quote.isPersonal() ? new PersonalTexts.Counter(body, quote.smartEncoding()) : null;
            long snapshot = snapshot(id, quote, channel, personal);
            // the snapshot is the truth: a list edited since the count above changes who is in it, and what they are sent
            jdbi.useTransaction(handle -> {
                handle.createUpdate("""
                                UPDATE broadcast SET state = 'READY', recipient_count = :count
                                WHERE id = :id AND state = 'PLANNING'""")
                        .bind("count", snapshot).bind("id", id).execute();
                PersonalTexts texts = personal == null ? null : personal.result();
                if (texts != null && texts.longest() != null) {
                    handle.createUpdate("""
                                    UPDATE broadcast SET segments = :segments, encoding = :encoding, segment_total = :total
                                    WHERE id = :id""")
                            .bind("segments", texts.longest().analysis().segments())
                            .bind("encoding", (texts.ucs2Count() > 0 ? Encoding.UCS_2 : Encoding.GSM_7).label())
                            .bind("total", texts.totalSegments()).bind("id", id).execute();
                }
            });
            Checkpoints.sync(jdbi);
            // the person's send runs next, here: no other desktop's resume may slip in between
            lease.handOver();
            return id;
        } catch (RuntimeException e) {
            try {
                remove(id);
            } catch (RuntimeException second) {
                // the next start removes it
                e.addSuppressed(second);
            }
            throw e;
        } finally {
            lease.close();
        }
    }

    /**
     * Reads who the lists reach, in number order, and writes them a batch at a time, each batch with
     * its row in the journal in one transaction; with each one's own text for a personal message,
     * made and counted on the reading thread (the writes are the slower half).
     *
     * @param personal counts each recipient's text, or null when everyone gets the body
     * @return how many recipients
     */
    private long snapshot(long id, Quote quote, ChannelKind channel, PersonalTexts.Counter personal) {
        PersonalMessage message = quote.isPersonal() ? PersonalMessage.of(quote.body()) : null;
        try (Handle writing = jdbi.open()) {
            try (RecipientRows recipient = RecipientRows.of(writing);
                 PreparedStatement batch = writing.getConnection().prepareStatement(
                         "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (?, ?, ?, 'PENDING')")) {
                RecipientWriter writer = channel == ChannelKind.NOTIFY
                        ? new RecipientWriter(writing, id, channel.recipientsPerRequest(), recipient, batch)
                        : new RecipientWriter(writing, id, 0, recipient, null);
                if (channel == ChannelKind.NOTIFY && quote.quiet() != null) {
                    writeByZoneGroups(quote, writer);
                } else {
                    try (RecipientFeed<Planned> feed = new RecipientFeed<>(audience, quote.listIds(), one -> new Planned(
                            one.e164(), one.fields().name(), personal == null ? null : ownText(message, personal, one)))) {
                        feed.forEach(one -> writer.add(one.e164(), one.name(), one.text()));
                    }
                    writer.finish();
                }
                return writer.written();
            } catch (SQLException | IOException e) {
                throw notWritten(e);
            }
        }
    }

    private static IllegalStateException notWritten(Exception e) {
        return new IllegalStateException("Herald could not write down the recipients: " + e.getMessage(), e);
    }

    /**
     * Notify under quiet hours: each batch holds numbers of one set of zones, so Herald can hold it
     * until its hours begin; the groups whose hours begin first go first.
     */
    private void writeByZoneGroups(Quote quote, RecipientWriter writer) throws SQLException, IOException {
        ZoneGroups groups = new ZoneGroups();
        audience.forEachRecipient(quote.listIds(), one -> groups.add(one.e164(), one.fields().name()));
        for (List<ZoneGroups.Member> group : groups.byWhenDue(new MessageTiming(quote.schedule(), quote.quiet()), Instant.now())) {
            for (ZoneGroups.Member member : group) {
                writer.add(member.e164(), member.name(), null);
            }
            writer.finish();
        }
    }

    /** One recipient's text, counted; refused past Twilio's limit (a contact edited since the quote may make it so). */
    private static String ownText(PersonalMessage message, PersonalTexts.Counter counter, Audience.Recipient recipient) {
        String text = message.textFor(recipient.fields()::value);
        if (counter.add(recipient.e164(), recipient.fields().name(), text).tooLong()) {
            throw new IllegalArgumentException("The message to " + recipient.e164() + " would have more than "
                    + MessageAnalysis.MAX_BODY_CHARACTERS + " characters, which Twilio refuses. Shorten the message, or"
                    + " that contact's fields.");
        }
        return text;
    }

    /** A recipient as the snapshot keeps them; {@code text} is null when they get the broadcast's body. */
    private record Planned(String e164, String name, String text) {
    }

    /** Removes a broadcast that never became READY, a batch at a time. */
    void remove(long id) {
        BulkWrites.deleteAll(jdbi, "broadcast_recipient", "broadcast_id", id);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM batch WHERE broadcast_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM broadcast WHERE id = :id AND state = 'PLANNING'").bind("id", id).execute();
        });
    }

    /**
     * At start-up: removes every broadcast a crash left half-planned (not one another desktop is
     * planning now). @return how many
     */
    int removeUnfinished() {
        List<Long> unfinished = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM broadcast b WHERE state = 'PLANNING' AND " + BroadcastLease.notHeldByAnother("b.id"))
                .bind("leaseOwner", WorkLeases.owner(jdbi)).mapTo(Long.class).list());
        unfinished.forEach(this::remove);
        return unfinished.size();
    }

    /**
     * Writes the numbers given one by one, in small transactions: as Notify batches, whose journal
     * row comes with its last number, or as PENDING messages under batch 0 (no batch statement).
     */
    private static final class RecipientWriter {

        private final Handle handle;
        private final long broadcastId;
        private final int perBatch;
        private final RecipientRows recipient;
        private final PreparedStatement batch;
        private int batchNo;
        private int inBatch;
        private long written;

        /** @param perBatch the numbers of a Notify batch; 0 with no batch statement, for messages */
        RecipientWriter(Handle handle, long broadcastId, int perBatch, RecipientRows recipient, PreparedStatement batch) {
            this.handle = handle;
            this.broadcastId = broadcastId;
            this.perBatch = perBatch;
            this.recipient = recipient;
            this.batch = batch;
            this.batchNo = batch == null ? 0 : 1;
        }

        /** @param text the recipient's own text, or null when they get the broadcast's body */
        void add(String e164, String name, String text) {
            try {
                recipient.add(broadcastId, e164, batchNo, batch == null ? SendState.PENDING : null, name, text);
                inBatch++;
                if (inBatch == perBatch) {
                    commit(true);
                } else if (inBatch % BulkWrites.ROWS_PER_TRANSACTION == 0) {
                    commit(false);
                }
            } catch (SQLException | IOException e) {
                throw notWritten(e);
            }
        }

        /** Commits what was added since the last commit; a Notify batch not yet whole ends here. */
        void finish() throws SQLException, IOException {
            if (inBatch > 0) {
                commit(true);
            }
        }

        long written() {
            return written;
        }

        /** Commits the recipients added since the last commit, with the batch's journal row when the batch is whole. */
        private void commit(boolean batchIsWhole) throws SQLException, IOException {
            handle.begin();
            recipient.write();
            if (batch == null) {
                handle.commit();
                written += inBatch;
                inBatch = 0;
                return;
            }
            if (batchIsWhole) {
                batch.setLong(1, broadcastId);
                batch.setInt(2, batchNo);
                batch.setInt(3, inBatch);
                batch.executeUpdate();
            }
            handle.commit();
            if (batchIsWhole) {
                written += inBatch;
                batchNo++;
                inBatch = 0;
            }
        }
    }
}
