package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import java.util.Objects;

/**
 * One run of a broadcast's PENDING batches or messages through the channel it was started on.
 * {@link #run} blocks the thread that calls it; {@link #pause()} and {@link #cancel()} may come
 * from any other.
 */
public final class Sending {

    private final BroadcastSummary broadcast;
    private final Dispatcher dispatcher;

    Sending(BroadcastSummary broadcast, Dispatcher dispatcher) {
        this.broadcast = Objects.requireNonNull(broadcast);
        this.dispatcher = Objects.requireNonNull(dispatcher);
    }

    public long broadcastId() {
        return broadcast.id();
    }

    public ChannelKind channel() {
        return broadcast.channel();
    }

    /** What had ended before this run (batches, or messages): what the pace of this run leaves out. */
    public long endedBefore() {
        if (broadcast.channel() == ChannelKind.MESSAGES) {
            return broadcast.recipients() - broadcast.pendingRecipients();
        }
        return broadcast.batches().stream().filter(batch -> batch.state().hasEnded()).count();
    }

    /** @return the state the broadcast was left in */
    public BroadcastState run(Dispatcher.Listener listener) throws InterruptedException {
        return dispatcher.run(broadcast.id(), listener);
    }

    /** Stops soon (after the batch or the messages on their way); the rest can be resumed. */
    public void pause() {
        dispatcher.pause();
    }

    /** Stops soon; the rest stays unsent. */
    public void cancel() {
        dispatcher.cancel();
    }
}
