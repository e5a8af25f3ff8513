package app.herald.broadcast;

import java.time.LocalDate;

/**
 * How many recipients' messages ended how, on one day: accepted by Twilio (by when the batch last
 * left, or the Messaging broadcast began), refused, uncertain; and of the accepted, how many
 * Twilio's log says were delivered or did not arrive (undelivered or failed).
 */
public record DailyOutcome(LocalDate day, long accepted, long failed, long uncertain, long delivered, long notReached) {

    /** Accepted messages with no final status yet: sent, waiting, or never looked up. */
    public long acceptedWithoutAnswer() {
        return Math.max(0, accepted - delivered - notReached);
    }
}
