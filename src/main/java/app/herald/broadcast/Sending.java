package app.herald.broadcast;

import java.util.Objects;

/**
 * One run of a broadcast's PENDING batches through the channel it was started on. {@link #run}
 * blocks the thread that calls it; {@link #pause()} and {@link #cancel()} may come from any other.
 */
public final class Sending {

    private final long broadcastId;
    private final Dispatcher dispatcher;
    private final Journal journal;

    Sending(long broadcastId, Dispatcher dispatcher, Journal journal) {
        this.broadcastId = broadcastId;
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.journal = Objects.requireNonNull(journal);
    }

    public long broadcastId() {
        return broadcastId;
    }

    /** Batches that ended before this run: what the pace of this run leaves out. */
    public long batchesEndedBefore() {
        return journal.batches(broadcastId).stream().filter(batch -> batch.state().hasEnded()).count();
    }

    /** @return the state the broadcast was left in */
    public BroadcastState run(Dispatcher.Listener listener) throws InterruptedException {
        return dispatcher.run(broadcastId, listener);
    }

    /** Stops after the batch on its way; the rest can be resumed. */
    public void pause() {
        dispatcher.pause();
    }

    /** Stops after the batch on its way; the rest stays unsent. */
    public void cancel() {
        dispatcher.cancel();
    }
}
