package app.herald.broadcast;

import app.herald.settings.Mode;
import java.time.Instant;
import java.util.List;

/**
 * A broadcast as the history shows it, with its batches.
 *
 * @param lists the names of the lists it went to, as they were named then (empty before Herald recorded them)
 */
public record BroadcastSummary(long id, String body, String lists, BroadcastState state, Mode mode, int recipients, int optedOut,
        int duplicates, int accepted, int failed, int segments, String encoding, Instant createdAt, Instant startedAt,
        Instant finishedAt, List<Batch> batches) {

    public BroadcastSummary {
        batches = List.copyOf(batches);
    }

    /** The same broadcast with these batches. */
    public BroadcastSummary withBatches(List<Batch> its) {
        return new BroadcastSummary(id, body, lists, state, mode, recipients, optedOut, duplicates, accepted, failed, segments,
                encoding, createdAt, startedAt, finishedAt, its);
    }

    /** The recipients of the PENDING batches: those still to send. */
    public long pendingRecipients() {
        return batches.stream().filter(batch -> batch.state() == BatchState.PENDING).mapToLong(Batch::size).sum();
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
