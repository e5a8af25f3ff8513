package app.herald.broadcast;

/** One Notify request of a broadcast, as the journal has it. */
public record Batch(long broadcastId, int number, int size, BatchState state, String sid, Integer errorCode,
        String errorMessage, int attempts) {
}
