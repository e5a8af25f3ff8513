package app.herald.broadcast;

import java.time.Instant;

/** One Notify request of a broadcast, as the journal has it; {@code sentAt} is when its last try left, or null. */
public record Batch(long broadcastId, int number, int size, SendState state, String sid, Integer errorCode,
        String errorMessage, int attempts, Instant sentAt) {
}
