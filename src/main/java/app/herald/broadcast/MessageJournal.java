package app.herald.broadcast;

import app.herald.storage.Checkpoints;
import app.herald.storage.WorkLeases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The send journal of the Messaging channel, one row per recipient (batch 0 of the snapshot), in
 * groups: one synced commit writes the answers of a group that went out and marks a group
 * IN_FLIGHT before its requests leave (the dispatcher keeps two groups, a window, IN_FLIGHT at
 * most), and a million recipients cost a few thousand commits, not a million. Each change is made
 * only from the state DESIGN.md allows it from; the broadcast's counts move in the same commit.
 */
final class MessageJournal {

    /** Twilio's answer for one recipient, as the journal keeps it; PENDING means the request never left, or was not processed. */
    record Answer(String e164, SendState state, String sid, Integer errorCode, String errorMessage) {

        Answer {
            if (state == SendState.IN_FLIGHT || state == SendState.MARKED_SENT) {
                throw new IllegalArgumentException("an answer is not " + state);
            }
            if (state == SendState.ACCEPTED && sid == null) {
                throw new IllegalArgumentException("an accepted message has a SID");
            }
        }
    }

    /** A recipient as the senders take them: the number, and their own text, or null when they get the broadcast's body. */
    record Outgoing(String e164, String ownText) {

        String textOr(String body) {
            return ownText == null ? body : ownText;
        }
    }

    /** Twilio's 21610: the person replied STOP to the sender. The journal adds them to the opt-out list in the same commit. */
    static final int REPLIED_STOP = 21610;

    private final Jdbi jdbi;
    private final Journal.Fence fence;

    MessageJournal(Jdbi jdbi) {
        this(jdbi, Journal.Fence.NONE);
    }

    private MessageJournal(Jdbi jdbi, Journal.Fence fence) {
        this.jdbi = jdbi;
        this.fence = fence;
    }

    /** This journal with every write of a run fenced (see {@link Journal#fencedBy}). */
    MessageJournal fencedBy(Journal.Fence runFence) {
        return new MessageJournal(jdbi, runFence);
    }

    /**
     * Runs the work with every statement of the journal on this thread through one connection
     * (Jdbi hands nested calls the handle already open on the thread). H2 keeps a session's last
     * statements parsed, but a connection going back to the pool is rolled back, which forgets
     * them: with a connection a call, each of a group's statements was parsed again, group after
     * group (a sixth of the dispatcher thread's CPU, MessagingBenchmark).
     */
    <T> T onOneConnection(HandleCallback<T, InterruptedException> work) throws InterruptedException {
        return jdbi.withHandle(work);
    }

    /** Up to {@code limit} recipients in this state after {@code after} (exclusive; "" for the first), in number order. */
    List<Outgoing> inState(long broadcastId, SendState state, String after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT e164, body FROM broadcast_recipient
                        WHERE broadcast_id = :id AND batch_no = 0 AND e164 > :after AND state = :state
                        ORDER BY broadcast_id, batch_no, e164 LIMIT :limit""")
                .bind("id", broadcastId).bind("state", state.name()).bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> new Outgoing(rs.getString(1), rs.getString(2))).list());
    }

    /** When the broadcast's first run began: Twilio's log is searched from there. */
    Optional<Instant> startedAt(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT started_at FROM broadcast WHERE id = :id")
                .bind("id", broadcastId).mapTo(Timestamp.class).findOne().map(Timestamp::toInstant));
    }

    /**
     * One synced commit: the answers of a group that went out (from IN_FLIGHT; PENDING again for a
     * message that never left), then the next group IN_FLIGHT (from PENDING). A recipient Twilio
     * refused with 21610 is added to the opt-out list with it.
     *
     * @throws IllegalStateException when a recipient is not in the state the change needs: nothing is written
     */
    void commit(long broadcastId, List<Answer> answers, List<Outgoing> nextInFlight) {
        if (answers.isEmpty() && nextInFlight.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                fence.check(handle);
                writeAnswers(handle, broadcastId, answers);
                markInFlight(handle, broadcastId, nextInFlight);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Herald could not write down how the messages stand: " + e.getMessage(), e);
        }
        Checkpoints.sync(jdbi);
    }

    private static void writeAnswers(Handle handle, long broadcastId, List<Answer> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        Connection connection = handle.getConnection();
        long accepted = 0;
        long failed = 0;
        long uncertain = 0;
        List<String> repliedStop = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE broadcast_recipient SET state = ?, sid = ?, error_code = ?, error_message = ?, updated_at = CURRENT_TIMESTAMP
                WHERE broadcast_id = ? AND batch_no = 0 AND e164 = ? AND state = 'IN_FLIGHT'""")) {
            for (Answer answer : answers) {
                boolean optingOut = answer.errorCode() != null && answer.errorCode() == REPLIED_STOP;
                update.setString(1, answer.state().name());
                update.setString(2, answer.sid());
                update.setObject(3, answer.errorCode());
                update.setString(4, shortened(optingOut ? answer.errorMessage() + " Herald added them to the opt-out list."
                        : answer.errorMessage()));
                update.setLong(5, broadcastId);
                update.setString(6, answer.e164());
                update.addBatch();
                switch (answer.state()) {
                    case ACCEPTED -> accepted++;
                    case FAILED -> failed++;
                    case UNCERTAIN -> uncertain++;
                    default -> {
                    }
                }
                if (optingOut) {
                    repliedStop.add(answer.e164());
                }
            }
            requireAll(update.executeBatch(), "answered");
        }
        optOut(connection, repliedStop);
        count(handle, broadcastId, accepted, failed, uncertain, 0);
    }

    /** The numbers that replied STOP, on the opt-out list; prepared only when a group has one, as most have none. */
    private static void optOut(Connection connection, List<String> numbers) throws SQLException {
        if (numbers.isEmpty()) {
            return;
        }
        try (PreparedStatement optOut = connection.prepareStatement("""
                MERGE INTO opt_out o USING (VALUES (CAST(? AS VARCHAR(16)))) AS n(e164) ON o.e164 = n.e164
                WHEN MATCHED THEN UPDATE SET reason = 'Replied STOP to the sender', source = 'Twilio: replied STOP'
                WHEN NOT MATCHED THEN INSERT (e164, reason, source) VALUES (n.e164, 'Replied STOP to the sender', 'Twilio: replied STOP')""")) {
            for (String e164 : numbers) {
                optOut.setString(1, e164);
                optOut.addBatch();
            }
            optOut.executeBatch();
        }
    }

    /**
     * The group is the PENDING recipients from its first number to its last, as {@link #inState}
     * read them: one range update marks them all, and must mark exactly them.
     */
    private static void markInFlight(Handle handle, long broadcastId, List<Outgoing> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        int marked = handle.createUpdate("""
                        UPDATE broadcast_recipient SET state = 'IN_FLIGHT', attempts = COALESCE(attempts, 0) + 1,
                               updated_at = CURRENT_TIMESTAMP
                        WHERE broadcast_id = :id AND batch_no = 0 AND e164 BETWEEN :first AND :last AND state = 'PENDING'""")
                .bind("id", broadcastId).bind("first", numbers.get(0).e164())
                .bind("last", numbers.get(numbers.size() - 1).e164())
                .execute();
        if (marked != numbers.size()) {
            throw new IllegalStateException("the journal refused a change its state machine does not allow: " + marked
                    + " recipients were PENDING where " + numbers.size() + " were read");
        }
    }

    /**
     * At start-up: every recipient a dead Herald left IN_FLIGHT may have been sent, so it becomes
     * UNCERTAIN, and its broadcast PAUSED. Only a broadcast left SENDING can have such recipients;
     * one another desktop is sending now is left to it.
     *
     * @return how many recipients
     */
    int recoverInterrupted() {
        List<Long> interrupted = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM broadcast b WHERE channel = 'MESSAGES' AND state = 'SENDING' AND "
                                + BroadcastLease.notHeldByAnother("b.id"))
                .bind("leaseOwner", WorkLeases.owner(jdbi)).mapTo(Long.class).list());
        int recovered = interrupted.stream().mapToInt(this::recoverInterrupted).sum();
        Checkpoints.sync(jdbi);
        return recovered;
    }

    /** The recovery of one broadcast: at start-up, or when a run takes it over from a desktop that stopped. @return how many recipients */
    int recoverInterrupted(long broadcastId) {
        int recovered = jdbi.inTransaction(handle -> {
            fence.check(handle);
            int made = handle.createUpdate("""
                            UPDATE broadcast_recipient SET state = 'UNCERTAIN', updated_at = CURRENT_TIMESTAMP,
                                   error_message = 'Herald stopped while this message was being sent: it may or may not have gone out.'
                            WHERE broadcast_id = :id AND batch_no = 0 AND state = 'IN_FLIGHT'""")
                    .bind("id", broadcastId).execute();
            count(handle, broadcastId, 0, 0, made, 0);
            handle.createUpdate("UPDATE broadcast SET state = 'PAUSED' WHERE id = :id AND state = 'SENDING'")
                    .bind("id", broadcastId).execute();
            return made;
        });
        Checkpoints.sync(jdbi);
        return recovered;
    }

    /** Reconciliation found the message in Twilio's log: UNCERTAIN → ACCEPTED with Twilio's SID. */
    void foundInLog(long broadcastId, String e164, String sid, Instant when) {
        require(settle(broadcastId, e164, SendState.ACCEPTED, sid, "Found in Twilio's log on " + when + ".", 1, 0));
    }

    /** Reconciliation did not find it: it stays UNCERTAIN for a person, with when Twilio's log was read. */
    void notInLog(long broadcastId, String e164, Instant when) {
        jdbi.useTransaction(handle -> {
            fence.check(handle);
            handle.createUpdate("""
                        UPDATE broadcast_recipient SET error_message = :message, updated_at = CURRENT_TIMESTAMP
                        WHERE broadcast_id = :id AND batch_no = 0 AND e164 = :e164 AND state = 'UNCERTAIN'""")
                .bind("message", "Not in Twilio's log as of " + when + ": it may not have gone out.")
                .bind("id", broadcastId).bind("e164", e164).execute();
        });
        Checkpoints.sync(jdbi);
    }

    /** A person decided an UNCERTAIN message must go again: PENDING, to be sent at the next resume. */
    boolean sendAgain(long broadcastId, String e164) {
        return settle(broadcastId, e164, SendState.PENDING, null, "A person chose to send this message again.", 0, 0);
    }

    /** A person settled an UNCERTAIN message as sent: it is never sent again. */
    boolean markSent(long broadcastId, String e164) {
        return settle(broadcastId, e164, SendState.MARKED_SENT, null, "A person marked this message as sent.", 0, 1);
    }

    private boolean settle(long broadcastId, String e164, SendState to, String sid, String message, int accepted,
            int markedSent) {
        boolean moved = jdbi.inTransaction(handle -> {
            fence.check(handle);
            int changed = handle.createUpdate("""
                            UPDATE broadcast_recipient SET state = :to, sid = COALESCE(:sid, sid), error_message = :message,
                                   updated_at = CURRENT_TIMESTAMP
                            WHERE broadcast_id = :id AND batch_no = 0 AND e164 = :e164 AND state = 'UNCERTAIN'""")
                    .bind("to", to.name()).bind("sid", sid).bind("message", message)
                    .bind("id", broadcastId).bind("e164", e164).execute();
            if (changed == 1) {
                count(handle, broadcastId, accepted, 0, -1, markedSent);
            }
            return changed == 1;
        });
        Checkpoints.sync(jdbi);
        return moved;
    }

    private static void count(Handle handle, long broadcastId, long accepted, long failed, long uncertain, long markedSent) {
        if (accepted == 0 && failed == 0 && uncertain == 0 && markedSent == 0) {
            return;
        }
        handle.createUpdate("""
                        UPDATE broadcast SET accepted_count = accepted_count + :accepted, failed_count = failed_count + :failed,
                               uncertain_count = uncertain_count + :uncertain, marked_sent_count = marked_sent_count + :marked
                        WHERE id = :id""")
                .bind("accepted", accepted).bind("failed", failed).bind("uncertain", uncertain).bind("marked", markedSent)
                .bind("id", broadcastId).execute();
    }

    private static void requireAll(int[] updated, String what) {
        if (Arrays.stream(updated).anyMatch(count -> count != 1)) {
            throw new IllegalStateException("the journal refused a change its state machine does not allow: a recipient "
                    + what + " was not in the state that needs");
        }
    }

    private static void require(boolean moved) {
        if (!moved) {
            throw new IllegalStateException("the journal refused a change its state machine does not allow");
        }
    }

    private static String shortened(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }
}
