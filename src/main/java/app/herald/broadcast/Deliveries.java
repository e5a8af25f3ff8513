package app.herald.broadcast;

import java.time.Instant;

/**
 * What Twilio's log says became of a broadcast's accepted messages: sent to the carrier (no
 * receipt yet), delivered, undelivered, failed; the rest have no answer yet. {@code checkedAt} is
 * the last read of the log for it (null: never), {@code settled} that it is no longer followed.
 */
public record Deliveries(int sent, int delivered, int undelivered, int failed, Instant checkedAt, boolean settled) {

    public static final Deliveries NONE = new Deliveries(0, 0, 0, 0, null, false);

    /** Of {@code accepted} messages, those Twilio has said nothing final or sent of yet. */
    public int waiting(int accepted) {
        return Math.max(0, accepted - sent - delivered - undelivered - failed);
    }

    /** The messages that reached the carrier: sent, delivered or undelivered. */
    public int reachedCarrier() {
        return sent + delivered + undelivered;
    }

    /** Those who did not get it: undelivered or failed. */
    public int notReached() {
        return undelivered + failed;
    }
}
