package app.herald.delivery;

import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import app.herald.twilio.ErrorWords;
import app.herald.twilio.TwilioLog.Logged;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What Herald keeps of Twilio's log: each recipient's status with the time Twilio gave it, each
 * broadcast's counts by status and whether it is still followed, the replies, and when the log
 * was last read. Every write of a page of the log is one transaction.
 */
final class DeliveryStore {

    /** A broadcast whose messages are not all final yet. */
    record Followed(long id, ChannelKind channel, String serviceSid, String body, Instant startedAt, Instant finishedAt,
            int accepted, Instant sendAt) {

        /** Its messages can still change until the validity period after they went: after the send, or after its time. */
        boolean pastValidity(Instant now, Duration validity) {
            if (finishedAt == null) {
                return false;
            }
            Instant went = sendAt != null && sendAt.isAfter(finishedAt) ? sendAt : finishedAt;
            return now.isAfter(went.plus(validity));
        }
    }

    /** A recipient as the store has it, to compare with what the log says. */
    record Known(int batch, String e164, String sid, String status, Instant statusAt) {
    }

    /** When the log was last read, and the replies read up to when. */
    record LastCheck(Instant checkedAt, Instant repliesUntil) {
    }

    /** A recipient's new status, and the SID it was matched by (Notify: the log's, found by number, body and time). */
    record Learnt(long broadcastId, int batch, String e164, String sid, boolean matched, Logged message) {
    }

    private final Jdbi jdbi;

    DeliveryStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The broadcasts of this mode that went out and are still followed, oldest first: those whose
     * messages may still change, once their time has come (until then Twilio only holds them).
     */
    List<Followed> followed(Mode mode, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, channel, service_sid, body, started_at, finished_at, accepted_count, send_at FROM broadcast
                        WHERE statuses_settled_at IS NULL AND started_at IS NOT NULL AND mode = :mode
                          AND state <> 'PLANNING' AND accepted_count > 0 AND (send_at IS NULL OR send_at <= :now)
                        ORDER BY started_at, id""")
                .bind("mode", mode.name()).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new Followed(rs.getLong("id"), ChannelKind.valueOf(rs.getString("channel")),
                        rs.getString("service_sid"), rs.getString("body"), rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("finished_at")), rs.getInt("accepted_count"),
                        instant(rs.getTimestamp("send_at"))))
                .list());
    }

    /**
     * Where each number of a broadcast is kept: the snapshot's key is (batch, number), and the
     * planner filled Notify's batches in number order, so a number belongs to the batch whose first
     * number is the greatest not after it. A Messaging broadcast has batch 0 only.
     */
    NavigableMap<String, Integer> batchesOf(long broadcastId) {
        return jdbi.withHandle(handle -> {
            NavigableMap<String, Integer> firstNumbers = new TreeMap<>();
            List<Integer> batches = handle.createQuery("SELECT batch_no FROM batch WHERE broadcast_id = :id ORDER BY batch_no")
                    .bind("id", broadcastId).mapTo(Integer.class).list();
            for (int batch : batches) {
                handle.createQuery("""
                                SELECT e164 FROM broadcast_recipient WHERE broadcast_id = :id AND batch_no = :batch
                                ORDER BY broadcast_id, batch_no, e164 LIMIT 1""")
                        .bind("id", broadcastId).bind("batch", batch).mapTo(String.class).findOne()
                        .ifPresent(first -> firstNumbers.put(first, batch));
            }
            if (firstNumbers.isEmpty()) {
                firstNumbers.put("", 0);
            }
            return firstNumbers;
        });
    }

    static int batchOf(NavigableMap<String, Integer> batches, String e164) {
        Map.Entry<String, Integer> batch = batches.floorEntry(e164);
        return batch == null ? batches.firstEntry().getValue() : batch.getValue();
    }

    /**
     * These numbers of the broadcast, as far as the store knows them: a join on arrays of their
     * keys, which H2 looks up one by one in the primary key (an IN list would read every recipient).
     */
    Map<String, Known> known(long broadcastId, NavigableMap<String, Integer> batches, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Integer[] batchOfEach = numbers.stream().map(e164 -> batchOf(batches, e164)).toArray(Integer[]::new);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.batch_no, r.e164, r.sid, r.status, r.status_at
                        FROM UNNEST(CAST(:batches AS INT ARRAY), CAST(:numbers AS VARCHAR(16) ARRAY)) AS n(batch_no, e164)
                        JOIN broadcast_recipient r ON r.broadcast_id = :id AND r.batch_no = n.batch_no AND r.e164 = n.e164""")
                .bind("id", broadcastId).bind("batches", batchOfEach).bind("numbers", numbers.toArray(String[]::new))
                .map((rs, ctx) -> new Known(rs.getInt("batch_no"), rs.getString("e164"), rs.getString("sid"),
                        rs.getString("status"), instant(rs.getTimestamp("status_at"))))
                .collectToMap(Known::e164, known -> known));
    }

    /**
     * Up to {@code limit} messages of a Messaging broadcast, in number order after {@code after},
     * that a list of the log may not bring: never heard of (not sent yet: no DateSent), or not
     * final and last heard of before {@code before} (older than the list reads back).
     */
    List<Known> waiting(long broadcastId, Instant before, String after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT e164, sid, status, status_at FROM broadcast_recipient
                        WHERE broadcast_id = :id AND batch_no = 0 AND e164 > :after AND sid IS NOT NULL
                          AND (status IS NULL
                               OR status IN ('accepted', 'queued', 'sending', 'scheduled', 'sent', 'partially_delivered')
                                  AND status_at < :before)
                        ORDER BY broadcast_id, batch_no, e164 LIMIT :limit""")
                .bind("id", broadcastId).bind("after", after).bind("before", before.equals(Instant.MIN) ? null : time(before))
                .bind("limit", limit)
                .map((rs, ctx) -> new Known(0, rs.getString("e164"), rs.getString("sid"), rs.getString("status"),
                        instant(rs.getTimestamp("status_at"))))
                .list());
    }

    /** Writes the statuses learnt, in one transaction. */
    void write(List<Learnt> learnt) {
        if (learnt.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("""
                    UPDATE broadcast_recipient SET status = :status, error_code = :code, error_message = :message,
                           status_at = :at, sid = COALESCE(sid, :sid), status_matched = :matched
                    WHERE broadcast_id = :id AND batch_no = :batch AND e164 = :e164""");
            for (Learnt one : learnt) {
                Logged message = one.message();
                batch.bind("status", message.status()).bind("code", message.errorCode())
                        .bind("message", message.errorCode() == null ? null
                                : ErrorWords.ofDelivery(message.errorCode(), message.errorMessage())).bind("at", time(message.updatedAt()))
                        .bind("sid", one.sid()).bind("matched", one.matched())
                        .bind("id", one.broadcastId()).bind("batch", one.batch()).bind("e164", one.e164()).add();
            }
            batch.execute();
        });
    }

    /**
     * Recounts the broadcast's messages by status, notes the check, and stops following it when
     * {@code settle}, or when every accepted message is final.
     *
     * @return whether it is settled now
     */
    boolean recount(Followed broadcast, Instant now, boolean settle) {
        return jdbi.inTransaction(handle -> {
            Map<MessageStatus, Integer> counts = counts(handle, broadcast.id());
            int ended = counts.get(MessageStatus.DELIVERED) + counts.get(MessageStatus.UNDELIVERED)
                    + counts.get(MessageStatus.FAILED) + counts.get(MessageStatus.CANCELED);
            boolean settled = settle || ended >= broadcast.accepted() && broadcast.finishedAt() != null;
            handle.createUpdate("""
                            UPDATE broadcast SET sent_count = :sent, delivered_count = :delivered,
                                   undelivered_count = :undelivered, delivery_failed_count = :failed,
                                   statuses_checked_at = :now,
                                   statuses_settled_at = CASE WHEN :settled THEN :now ELSE NULL END
                            WHERE id = :id""")
                    .bind("sent", counts.get(MessageStatus.SENT)).bind("delivered", counts.get(MessageStatus.DELIVERED))
                    .bind("undelivered", counts.get(MessageStatus.UNDELIVERED)).bind("failed", counts.get(MessageStatus.FAILED))
                    .bind("now", time(now)).bind("settled", settled).bind("id", broadcast.id()).execute();
            return settled;
        });
    }

    private static Map<MessageStatus, Integer> counts(Handle handle, long broadcastId) {
        Map<MessageStatus, Integer> counts = new EnumMap<>(MessageStatus.class);
        for (MessageStatus status : MessageStatus.values()) {
            counts.put(status, 0);
        }
        handle.createQuery("""
                        SELECT status, COUNT(*) AS n FROM broadcast_recipient
                        WHERE broadcast_id = :id AND status IS NOT NULL GROUP BY status""")
                .bind("id", broadcastId)
                .map((rs, ctx) -> Map.entry(MessageStatus.of(rs.getString("status")), rs.getInt("n")))
                .forEach(count -> counts.merge(count.getKey(), count.getValue(), Integer::sum));
        return counts;
    }

    /** The replies of these SIDs already kept. */
    List<String> keptReplies(Collection<String> sids) {
        if (sids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT sid FROM reply WHERE sid IN (<sids>)")
                .bindList("sids", List.copyOf(sids)).mapTo(String.class).list());
    }

    /** A broadcast that went out, and when it began. */
    record Started(long id, Instant at) {
    }

    /** The last 50 broadcasts that went out, newest first: as far back as a reply is matched to one. */
    List<Started> lastStarted() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, started_at FROM broadcast WHERE started_at IS NOT NULL
                        ORDER BY started_at DESC, id DESC LIMIT 50""")
                .map((rs, ctx) -> new Started(rs.getLong("id"), rs.getTimestamp("started_at").toInstant()))
                .list());
    }

    /** A broadcast a reply answers, and the name it had for the number (null when none). */
    record Answered(long broadcastId, String name) {
    }

    /** The broadcast with the number's name, when it went to this number. */
    Optional<Answered> wentTo(long broadcastId, NavigableMap<String, Integer> batches, String e164) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT name FROM broadcast_recipient WHERE broadcast_id = :id AND batch_no = :batch AND e164 = :e164""")
                .bind("id", broadcastId).bind("batch", batchOf(batches, e164)).bind("e164", e164)
                .map((rs, ctx) -> new Answered(broadcastId, rs.getString("name"))).findOne());
    }

    /** Keeps a reply with what it did, in the caller's transaction. */
    static void keepReply(Handle handle, Logged reply, Optional<Answered> answered, BroadcastReply.Effect effect) {
        handle.createUpdate("""
                        INSERT INTO reply (sid, from_e164, to_e164, body, received_at, broadcast_id, name, effect)
                        VALUES (:sid, :from, :to, :body, :at, :broadcast, :name, :effect)""")
                .bind("sid", reply.sid()).bind("from", reply.from()).bind("to", reply.to())
                .bind("body", reply.body() == null ? "" : reply.body()).bind("at", time(reply.createdAt()))
                .bind("broadcast", answered.map(Answered::broadcastId).orElse(null))
                .bind("name", answered.map(Answered::name).orElse(null)).bind("effect", effect.name()).execute();
    }

    /** When the log was last read, and the replies up to when: empty before the first time. */
    Optional<LastCheck> lastCheck() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT checked_at, replies_until FROM status_check WHERE id = 1")
                .map((rs, ctx) -> new LastCheck(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .findOne());
    }

    void checked(Instant at, Instant repliesUntil) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        MERGE INTO status_check c USING (VALUES (1)) AS n(id) ON c.id = n.id
                        WHEN MATCHED THEN UPDATE SET checked_at = :at, replies_until = :until
                        WHEN NOT MATCHED THEN INSERT (id, checked_at, replies_until) VALUES (1, :at, :until)""")
                .bind("at", time(at)).bind("until", time(repliesUntil)).execute());
    }

    Jdbi jdbi() {
        return jdbi;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
