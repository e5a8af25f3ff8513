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
    private final BroadcastLease lease;
    private final Runnable takeOver;

    /**
     * @param lease    held from the start of the run to its end; the dispatcher's journal is fenced by it
     * @param takeOver run once the lease is held: settles what the last holder left IN_FLIGHT
     */
    Sending(BroadcastSummary broadcast, Dispatcher dispatcher, BroadcastLease lease, Runnable takeOver) {
        this.broadcast = Objects.requireNonNull(broadcast);
        this.dispatcher = Objects.requireNonNull(dispatcher);
        this.lease = Objects.requireNonNull(lease);
        this.takeOver = Objects.requireNonNull(takeOver);
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

    /**
     * Takes the broadcast's lease, then sends. A desktop that held it and stopped (it died, or lost
     * the network) may have left messages IN_FLIGHT: they become UNCERTAIN first, to be found in
     * Twilio's log or left to a person, never sent again by themselves.
     *
     * @return the state the broadcast was left in
     * @throws BroadcastBusyException when another desktop is sending it: nothing was sent
     */
    public BroadcastState run(Dispatcher.Listener listener) throws InterruptedException {
        lease.take();
        try {
            takeOver.run();
            return dispatcher.run(broadcast.id(), listener);
        } finally {
            lease.release();
        }
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
