package app.herald.delivery;

import app.herald.storage.Checkpoints;
import app.herald.twilio.Backoff;
import app.herald.twilio.GatewayException;
import app.herald.twilio.Outcome;
import app.herald.twilio.ScheduledMessages;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broadcasts given a time: taking one back before it goes, and taking back the scheduled message of
 * a number that opted out meanwhile (Twilio sends a scheduled message even after a STOP). Through a
 * Messaging Service each message Twilio holds is cancelled ({@code Status=canceled}); what Herald
 * had not handed over yet, and a held Notify broadcast, simply never go.
 */
public final class ScheduledBroadcasts {

    /** Cancelled messages written down in one commit. */
    private static final int PER_COMMIT = 100;
    /**
     * A recipient {@code r} whose message Twilio accepted and still holds (as far as Herald knows);
     * spaced on both sides, since a text block drops the space it is joined at.
     */
    private static final String HELD_BY_TWILIO = " r.state = 'ACCEPTED' AND (r.status IS NULL OR r.status = 'scheduled') ";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBroadcasts.class);

    private final Jdbi jdbi;
    private final TwilioLog.Sleeper sleeper;

    /** @param sleeper how a wait for Twilio (a 429) passes */
    public ScheduledBroadcasts(Jdbi jdbi, TwilioLog.Sleeper sleeper) {
        this.jdbi = jdbi;
        this.sleeper = sleeper;
    }

    /**
     * What taking a broadcast back did: messages cancelled, those Twilio had sent already (too late),
     * and why it stopped early, if it did (Twilio unreachable: cancel again for the rest).
     */
    public record Cancelled(long canceled, long tooLate, String problem) {
    }

    /**
     * Takes the broadcast back: it is CANCELLED at once (nothing more of it is sent), then each
     * message Twilio holds for it is cancelled, a hundred to a commit.
     *
     * @param progress told how many were cancelled so far
     * @throws IllegalArgumentException when the broadcast was not given a time, or its time has come
     */
    public Cancelled cancel(TwilioConnection connection, long broadcastId, LongConsumer progress) throws InterruptedException {
        Boolean scheduled = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT send_at > CURRENT_TIMESTAMP FROM broadcast WHERE id = :id AND send_at IS NOT NULL")
                .bind("id", broadcastId).mapTo(Boolean.class).findOne().orElse(null));
        if (scheduled == null) {
            throw new IllegalArgumentException("Broadcast " + broadcastId + " was sent at once: there is nothing to take back.");
        }
        if (!scheduled) {
            throw new IllegalArgumentException("Broadcast " + broadcastId + "'s time has come: its messages have gone out.");
        }
        // a run still handing messages over would go on after the cancels: it must have stopped
        int stopped = jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE broadcast SET state = 'CANCELLED' WHERE id = :id AND state <> 'SENDING'")
                .bind("id", broadcastId).execute());
        if (stopped == 0) {
            throw new IllegalArgumentException("Broadcast " + broadcastId + " is being handed to Twilio right now:"
                    + " pause it first, then take it back.");
        }
        Checkpoints.sync(jdbi);
        if (connection.scheduledMessages().isEmpty()) {
            return new Cancelled(0, 0, null);
        }
        return cancelHeld(connection.scheduledMessages().get(), broadcastId, progress);
    }

    private Cancelled cancelHeld(ScheduledMessages twilio, long broadcastId, LongConsumer progress) throws InterruptedException {
        long canceled = 0;
        long tooLate = 0;
        String after = "";
        while (true) {
            List<Held> held = held(broadcastId, after);
            if (held.isEmpty()) {
                return new Cancelled(canceled, tooLate, null);
            }
            List<String> done = new ArrayList<>();
            try {
                for (Held message : held) {
                    if (cancelOne(twilio, message.sid())) {
                        done.add(message.e164());
                    } else {
                        tooLate++;
                    }
                }
            } catch (GatewayException e) {
                markCanceled(broadcastId, done);
                return new Cancelled(canceled + done.size(), tooLate, e.getMessage()
                        + " Take it back again to cancel the rest.");
            }
            markCanceled(broadcastId, done);
            canceled += done.size();
            progress.accept(canceled);
            after = held.get(held.size() - 1).e164();
        }
    }

    /** A message Twilio holds for the broadcast. */
    private record Held(String e164, String sid) {
    }

    private List<Held> held(long broadcastId, String after) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.e164, r.sid FROM broadcast_recipient r
                        WHERE r.broadcast_id = :id AND r.batch_no = 0 AND r.e164 > :after AND """ + HELD_BY_TWILIO + """
                        ORDER BY r.broadcast_id, r.batch_no, r.e164 LIMIT :limit""")
                .bind("id", broadcastId).bind("after", after).bind("limit", PER_COMMIT)
                .map((rs, ctx) -> new Held(rs.getString(1), rs.getString(2))).list());
    }

    /** One cancel, again after a wait while Twilio says it is too busy (a 429 was not processed). */
    private boolean cancelOne(ScheduledMessages twilio, String sid) throws GatewayException, InterruptedException {
        Backoff backoff = new Backoff();
        for (int tries = 1; ; tries++) {
            try {
                return twilio.cancel(sid);
            } catch (GatewayException e) {
                if (e.outcome() != Outcome.NOT_PROCESSED || tries >= Backoff.MOST_IN_A_ROW) {
                    throw e;
                }
                sleeper.sleep(backoff.next(e.retryAfter()));
            }
        }
    }

    private void markCanceled(long broadcastId, List<String> numbers) {
        if (numbers.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE broadcast_recipient SET status = 'canceled', status_at = CURRENT_TIMESTAMP
                        WHERE broadcast_id = :id AND batch_no = 0 AND e164 IN (<numbers>)""")
                .bind("id", broadcastId).bindList("numbers", numbers).execute());
        Checkpoints.sync(jdbi);
    }

    /**
     * Takes back each scheduled message, of a broadcast whose time has not come, to a number on the
     * opt-out list: Twilio would send it even after the person replied STOP. @return how many
     */
    public int cancelOptedOut(TwilioConnection connection) throws InterruptedException {
        if (connection.scheduledMessages().isEmpty()) {
            return 0;
        }
        List<Long> waiting = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id FROM broadcast
                        WHERE channel = 'MESSAGES' AND mode = :mode AND send_at > CURRENT_TIMESTAMP AND state <> 'CANCELLED'""")
                .bind("mode", connection.mode().name()).mapTo(Long.class).list());
        int canceled = 0;
        for (long broadcastId : waiting) {
            List<Held> optedOut = jdbi.withHandle(handle -> handle.createQuery("""
                            SELECT r.e164, r.sid FROM opt_out o
                            JOIN broadcast_recipient r ON r.broadcast_id = :id AND r.batch_no = 0 AND r.e164 = o.e164
                            WHERE """ + HELD_BY_TWILIO)
                    .bind("id", broadcastId)
                    .map((rs, ctx) -> new Held(rs.getString(1), rs.getString(2))).list());
            List<String> done = new ArrayList<>();
            try {
                for (Held message : optedOut) {
                    if (cancelOne(connection.scheduledMessages().get(), message.sid())) {
                        done.add(message.e164());
                    }
                }
            } catch (GatewayException e) {
                LOG.warn("Could not take back a scheduled message of broadcast {} to a number that opted out; the next"
                        + " check tries again: {}", broadcastId, e.getMessage());
            }
            markCanceled(broadcastId, done);
            canceled += done.size();
        }
        return canceled;
    }
}
