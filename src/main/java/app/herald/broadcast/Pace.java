package app.herald.broadcast;

import java.time.Duration;

/**
 * At most so many requests a second, spread evenly: each request takes the next free slot. The
 * senders of a Messaging Service pass on only so many messages a second (a US long code about
 * one), and what Herald posts faster waits in Twilio's queue, where after ten hours it fails.
 */
final class Pace {

    private final long intervalNanos;
    private long nextSlot;

    /** @param perSecond requests a second; 0 for as fast as Twilio answers */
    Pace(double perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a pace is not negative");
        }
        this.intervalNanos = perSecond == 0 ? 0 : (long) (1_000_000_000L / perSecond);
        this.nextSlot = System.nanoTime();
    }

    boolean limited() {
        return intervalNanos > 0;
    }

    /** How long the caller must wait for its slot (zero when it may go now); the slot is then taken. */
    synchronized Duration takeSlot() {
        if (intervalNanos == 0) {
            return Duration.ZERO;
        }
        long now = System.nanoTime();
        nextSlot = Math.max(nextSlot, now);
        long wait = nextSlot - now;
        nextSlot += intervalNanos;
        return Duration.ofNanos(wait);
    }
}
