package app.herald.broadcast;

import java.time.Instant;
import java.util.List;

/**
 * A broadcast as the history shows it, with its batches.
 *
 * @param lists the names of the lists it went to, as they were named then (empty before Herald recorded them)
 */
public record BroadcastSummary(long id, String body, String lists, BroadcastState state, String mode, int recipients, int optedOut,
        int duplicates, int accepted, int failed, int segments, String encoding, Instant createdAt, Instant startedAt,
        Instant finishedAt, List<Batch> batches) {

    public BroadcastSummary {
        batches = List.copyOf(batches);
    }

    /** Batches that can still be sent: PENDING ones. */
    public long pendingBatches() {
        return batches.stream().filter(batch -> batch.state() == BatchState.PENDING).count();
    }

    /** Batches left to send (and not cancelled), or batches nobody knows went out: a person should look. */
    public boolean needsAPerson() {
        return uncertainBatches() > 0 || pendingBatches() > 0 && state != BroadcastState.CANCELLED;
    }

    /** Batches a person must look at: they may or may not have gone out. */
    public long uncertainBatches() {
        return batches.stream().filter(batch -> batch.state() == BatchState.UNCERTAIN).count();
    }
}
