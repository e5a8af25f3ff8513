package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.message.MessageAnalysis;
import app.herald.settings.ChannelKind;
import app.herald.storage.BulkWrites;
import app.herald.storage.Checkpoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
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

    /** @return the new broadcast's id */
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
                                :duplicates, :sendAt, :sendZone, :quietFrom, :quietTo, :quietZone,
                                (SELECT LISTAGG(name, ', ') WITHIN GROUP (ORDER BY name)
                                 FROM recipient_list WHERE id IN (<lists>)))""")
                .bind("body", body).bind("encoding", quote.encoding().label()).bind("segments", quote.segments())
                .bind("mode", quote.mode().name()).bind("channel", channel.name()).bind("service", serviceSid).bind("state", BroadcastState.PLANNING.name())
                .bind("recipients", reach.recipients()).bind("optedOut", reach.optedOut()).bind("duplicates", reach.duplicates())
                .bind("sendAt", quote.isScheduled() ? Timestamp.from(quote.schedule().at()) : null)
                .bind("sendZone", quote.isScheduled() ? quote.schedule().zone().getId() : null)
                .bind("quietFrom", quote.quiet() == null ? null : quote.quiet().hours().from())
                .bind("quietTo", quote.quiet() == null ? null : quote.quiet().hours().to())
                .bind("quietZone", quote.quiet() == null ? null : quote.quiet().fallback().getId())
                .bindList("lists", lists)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        try {
            long snapshot = snapshot(id, lists, channel);
            // the snapshot is the truth: a list edited since the count above changes who is in it
            jdbi.useHandle(handle -> handle.createUpdate("""
                            UPDATE broadcast SET state = 'READY', recipient_count = :count
                            WHERE id = :id AND state = 'PLANNING'""")
                    .bind("count", snapshot).bind("id", id).execute());
            Checkpoints.sync(jdbi);
            return id;
        } catch (RuntimeException e) {
            try {
                remove(id);
            } catch (RuntimeException second) {
                // the next start removes it
                e.addSuppressed(second);
            }
            throw e;
        }
    }

    /**
     * Reads who the lists reach, in number order, and writes them a batch at a time, each batch with
     * its row in the journal in one transaction. @return how many recipients
     */
    private long snapshot(long id, List<Long> lists, ChannelKind channel) {
        try (Handle reading = jdbi.open(); Handle writing = jdbi.open()) {
            Connection connection = writing.getConnection();
            try (PreparedStatement recipient = connection.prepareStatement(
                         "INSERT INTO broadcast_recipient (broadcast_id, e164, batch_no, state, name) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement batch = connection.prepareStatement(
                         "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (?, ?, ?, 'PENDING')");
                 Stream<Recipient> numbers = reading.createQuery("""
                                 SELECT c.e164, c.name FROM contact c
                                 WHERE c.list_id IN (<lists>) AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = c.e164)
                                 ORDER BY c.e164""")
                         .bindList("lists", lists).map((rs, ctx) -> new Recipient(rs.getString(1), rs.getString(2))).stream()) {
                RecipientWriter writer = channel == ChannelKind.NOTIFY
                        ? new RecipientWriter(writing, id, channel.recipientsPerRequest(), recipient, batch)
                        : new RecipientWriter(writing, id, 0, recipient, null);
                numbers.forEach(writer::add);
                writer.finish();
                return writer.written();
            } catch (SQLException e) {
                throw new IllegalStateException("Herald could not write down the recipients: " + e.getMessage(), e);
            }
        }
    }

    /** A number the lists reach, with its name in one of them (the first row read). */
    private record Recipient(String e164, String name) {
    }

    /** Removes a broadcast that never became READY, a batch at a time. */
    void remove(long id) {
        BulkWrites.deleteAll(jdbi, "broadcast_recipient", "broadcast_id", id);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM batch WHERE broadcast_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM broadcast WHERE id = :id AND state = 'PLANNING'").bind("id", id).execute();
        });
    }

    /** At start-up: removes every broadcast a crash left half-planned. @return how many */
    int removeUnfinished() {
        List<Long> unfinished = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT id FROM broadcast WHERE state = 'PLANNING'").mapTo(Long.class).list());
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
        private final PreparedStatement recipient;
        private final PreparedStatement batch;
        private int batchNo;
        private String last;
        private int inBatch;
        private long written;

        /** @param perBatch the numbers of a Notify batch; 0 with no batch statement, for messages */
        RecipientWriter(Handle handle, long broadcastId, int perBatch, PreparedStatement recipient, PreparedStatement batch) {
            this.handle = handle;
            this.broadcastId = broadcastId;
            this.perBatch = perBatch;
            this.recipient = recipient;
            this.batch = batch;
            this.batchNo = batch == null ? 0 : 1;
        }

        /** Adds a number once: the lists' rows come in number order, so a number in two lists comes twice in a row. */
        void add(Recipient one) {
            if (one.e164().equals(last)) {
                return;
            }
            last = one.e164();
            try {
                recipient.setLong(1, broadcastId);
                recipient.setString(2, one.e164());
                recipient.setInt(3, batchNo);
                recipient.setString(4, batch == null ? SendState.PENDING.name() : null);
                recipient.setString(5, one.name());
                recipient.addBatch();
                inBatch++;
                if (inBatch == perBatch) {
                    commit(true);
                } else if (inBatch % BulkWrites.ROWS_PER_TRANSACTION == 0) {
                    commit(false);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Herald could not write down the recipients: " + e.getMessage(), e);
            }
        }

        void finish() throws SQLException {
            if (inBatch > 0) {
                commit(true);
            }
        }

        long written() {
            return written;
        }

        /** Commits the recipients added since the last commit, with the batch's journal row when the batch is whole. */
        private void commit(boolean batchIsWhole) throws SQLException {
            handle.begin();
            recipient.executeBatch();
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
