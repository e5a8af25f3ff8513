package app.herald.broadcast;

import app.herald.settings.QuietHours;
import app.herald.storage.Checkpoints;
import app.herald.storage.WorkLeases;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The send journal of Notify's batches, and of every broadcast's state: every change of a batch's state is its own committed transaction, made only
 * from the state DESIGN.md allows, so a crash at any instant leaves a state that says what is
 * known: PENDING (not sent), IN_FLIGHT (maybe sent: UNCERTAIN at the next start), ACCEPTED (with
 * its SID), FAILED, UNCERTAIN.
 */
public final class Journal {

    /** What every write of a run's journal checks in its transaction first: that this desktop still sends the broadcast. */
    interface Fence {

        /** Nothing to check: a person's own decision (send again, mark sent), or the start-up of one desktop. */
        Fence NONE = handle -> { };

        /** @throws IllegalStateException when the write must not happen */
        void check(Handle handle);
    }

    private final Jdbi jdbi;
    private final Fence fence;

    public Journal(Jdbi jdbi) {
        this(jdbi, Fence.NONE);
    }

    private Journal(Jdbi jdbi, Fence fence) {
        this.jdbi = jdbi;
        this.fence = fence;
    }

    /** This journal with every write fenced: a run's, under its broadcast's lease. */
    Journal fencedBy(Fence runFence) {
        return new Journal(jdbi, runFence);
    }

    public List<Batch> batches(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT broadcast_id, batch_no, size, state, notification_sid, error_code, error_message, attempts,
                               sent_at
                        FROM batch WHERE broadcast_id = :id ORDER BY batch_no""")
                .bind("id", broadcastId)
                .map((rs, ctx) -> new Batch(rs.getLong(1), rs.getInt(2), rs.getInt(3), SendState.valueOf(rs.getString(4)),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list());
    }

    /** A Messaging broadcast's counts, as its journal keeps them in each commit. */
    MessageCounts messageCounts(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT recipient_count, accepted_count, failed_count, uncertain_count, marked_sent_count
                        FROM broadcast WHERE id = :id""")
                .bind("id", broadcastId)
                .map((rs, ctx) -> new MessageCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .one());
    }

    public String body(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT body FROM broadcast WHERE id = :id")
                .bind("id", broadcastId).mapTo(String.class).one());
    }

    /** Whether a person took the broadcast back (History, herald cancel), perhaps from another thread while it was held. */
    public boolean isCancelled(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT state FROM broadcast WHERE id = :id")
                .bind("id", broadcastId).mapTo(String.class).findOne())
                .map(BroadcastState.CANCELLED.name()::equals).orElse(true);
    }

    /** The hours its messages may arrive in each recipient's time, if it was given them. */
    public Optional<QuietRule> quietRule(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT quiet_from, quiet_to, quiet_zone FROM broadcast WHERE id = :id AND quiet_from IS NOT NULL""")
                .bind("id", broadcastId)
                .map((rs, ctx) -> new QuietRule(new QuietHours(rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class)),
                        ZoneId.of(rs.getString(3))))
                .findOne());
    }

    /** When the broadcast is to go, if it was given a time. */
    public Optional<Schedule> schedule(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT send_at, send_zone FROM broadcast WHERE id = :id AND send_at IS NOT NULL")
                .bind("id", broadcastId)
                .map((rs, ctx) -> new Schedule(rs.getTimestamp(1).toInstant(), ZoneId.of(rs.getString(2))))
                .findOne());
    }

    /** The lowest-numbered PENDING batch: the next to send. */
    public Optional<Integer> nextPending(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT batch_no FROM batch WHERE broadcast_id = :id AND state = 'PENDING' ORDER BY batch_no LIMIT 1")
                .bind("id", broadcastId).mapTo(Integer.class).findOne());
    }

    /** The numbers of a batch, in order: read in the primary key's order (naming all its columns), never sorted. */
    public List<String> numbers(long broadcastId, int batch) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT e164 FROM broadcast_recipient WHERE broadcast_id = :id AND batch_no = :batch
                        ORDER BY broadcast_id, batch_no, e164""")
                .bind("id", broadcastId).bind("batch", batch).mapTo(String.class).list());
    }

    /**
     * H2 may keep a commit in memory before writing it; a process killed meanwhile lost an
     * ACCEPTED and sent its batch again (CrashRecoveryTest). A journal step is on disk, synced,
     * before the next request may leave.
     */
    private void sync() {
        Checkpoints.sync(jdbi);
    }

    /** PENDING → IN_FLIGHT, committed before the request leaves. @return false when the batch was not PENDING */
    public boolean inFlight(long broadcastId, int batch) {
        return move(broadcastId, batch, SendState.PENDING, SendState.IN_FLIGHT, null, null, null, null);
    }

    public void accepted(long broadcastId, int batch, String sid) {
        require(move(broadcastId, batch, SendState.IN_FLIGHT, SendState.ACCEPTED, sid, null, null, "accepted_count"));
    }

    public void failed(long broadcastId, int batch, Integer code, String message) {
        require(move(broadcastId, batch, SendState.IN_FLIGHT, SendState.FAILED, null, code, message, "failed_count"));
    }

    public void uncertain(long broadcastId, int batch, Integer code, String message) {
        require(move(broadcastId, batch, SendState.IN_FLIGHT, SendState.UNCERTAIN, null, code, message, null));
    }

    /** IN_FLIGHT → PENDING: Twilio certainly did not process it (429, no connection, wrong settings). */
    public void notProcessed(long broadcastId, int batch, Integer code, String message) {
        require(move(broadcastId, batch, SendState.IN_FLIGHT, SendState.PENDING, null, code, message, null));
    }

    /**
     * A person decided an UNCERTAIN batch must go again (Twilio's logs show it did not arrive, or a
     * second copy is acceptable): it becomes PENDING, and the broadcast can be resumed.
     */
    public void sendAgain(long broadcastId, int batch) {
        require(move(broadcastId, batch, SendState.UNCERTAIN, SendState.PENDING, null, null,
                "A person chose to send this batch again.", null));
    }

    /** A person settled an UNCERTAIN batch as sent: it is never sent again. */
    public void markSent(long broadcastId, int batch) {
        require(move(broadcastId, batch, SendState.UNCERTAIN, SendState.MARKED_SENT, null, null,
                "A person marked this batch as sent.", null));
    }

    /**
     * At start-up: every batch a dead process left IN_FLIGHT may have been sent, so it becomes
     * UNCERTAIN; not those of a broadcast another desktop is sending now. @return how many
     */
    public int recoverInterrupted() {
        int recovered = jdbi.withHandle(handle -> handle.createUpdate(MADE_UNCERTAIN
                        + " WHERE b.state = 'IN_FLIGHT' AND " + BroadcastLease.notHeldByAnother("b.broadcast_id"))
                .bind("leaseOwner", WorkLeases.owner(jdbi)).execute());
        sync();
        return recovered;
    }

    /** When a run takes a broadcast over: what its last holder left IN_FLIGHT may have been sent. @return how many */
    int recoverInterrupted(long broadcastId) {
        int recovered = jdbi.inTransaction(handle -> {
            fence.check(handle);
            return handle.createUpdate(MADE_UNCERTAIN + " WHERE b.broadcast_id = :id AND b.state = 'IN_FLIGHT'")
                    .bind("id", broadcastId).execute();
        });
        sync();
        return recovered;
    }

    private static final String MADE_UNCERTAIN = """
            UPDATE batch b SET state = 'UNCERTAIN', updated_at = CURRENT_TIMESTAMP,
                   error_message = 'Herald stopped while this batch was being sent: it may or may not have gone out.'""";

    public void setState(long broadcastId, BroadcastState state) {
        jdbi.useTransaction(handle -> {
            fence.check(handle);
            handle.createUpdate("""
                        UPDATE broadcast SET state = :state,
                               started_at = CASE WHEN :state = 'SENDING' AND started_at IS NULL THEN CURRENT_TIMESTAMP ELSE started_at END,
                               finished_at = CASE WHEN :state IN ('FINISHED', 'CANCELLED') THEN CURRENT_TIMESTAMP ELSE finished_at END
                        WHERE id = :id""")
                .bind("state", state.name()).bind("id", broadcastId).execute();
        });
        sync();
    }

    /**
     * One step of the state machine, in one transaction, synced: the batch moves only from the state
     * given, and the broadcast's count column (when named) grows by the batch's size with it.
     */
    private boolean move(long broadcastId, int batch, SendState from, SendState to, String sid, Integer code,
            String message, String countColumn) {
        boolean moved = jdbi.inTransaction(handle -> {
            fence.check(handle);
            var update = handle.createUpdate("UPDATE batch SET state = :to, updated_at = CURRENT_TIMESTAMP"
                            + (to == SendState.IN_FLIGHT ? ", attempts = attempts + 1, sent_at = CURRENT_TIMESTAMP" : "")
                            + (sid == null ? "" : ", notification_sid = :sid")
                            + (message == null ? "" : ", error_code = :code, error_message = :message")
                            + " WHERE broadcast_id = :id AND batch_no = :batch AND state = :from")
                    .bind("to", to.name()).bind("from", from.name()).bind("id", broadcastId).bind("batch", batch);
            if (sid != null) {
                update.bind("sid", sid);
            }
            if (message != null) {
                update.bind("code", code).bind("message", message.length() > 2_000 ? message.substring(0, 2_000) : message);
            }
            if (update.execute() != 1) {
                return false;
            }
            if (countColumn != null) {
                handle.createUpdate("UPDATE broadcast SET " + countColumn + " = " + countColumn
                                + " + (SELECT size FROM batch WHERE broadcast_id = :id AND batch_no = :batch) WHERE id = :id")
                        .bind("id", broadcastId).bind("batch", batch).execute();
            }
            return true;
        });
        sync();
        return moved;
    }

    private static void require(boolean moved) {
        if (!moved) {
            throw new IllegalStateException("the journal refused a change its state machine does not allow");
        }
    }
}
