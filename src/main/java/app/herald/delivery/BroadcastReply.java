package app.herald.delivery;

import java.time.Instant;

/** A reply to a broadcast, as History shows it: who, when, what, and what it did to the opt-out list. */
public record BroadcastReply(String from, String name, String body, Instant receivedAt, Effect effect) {

    /** What a reply changed. */
    public enum Effect { OPTED_OUT, OPTED_IN, NONE }
}
