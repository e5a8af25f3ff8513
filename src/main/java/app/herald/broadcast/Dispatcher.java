package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import java.time.Duration;

/**
 * Sends what is PENDING of one broadcast through the journal of its channel, on the caller's
 * thread: {@link BatchDispatcher} for Notify's batches, {@link MessageDispatcher} for the
 * Messaging channel's messages. Pause and cancel may come from any other thread.
 */
public interface Dispatcher {

    /** Told after every batch, or every group of messages; knows no screen. */
    interface Listener {
        void progress(Progress progress);
    }

    /**
     * Where a run stands: what ended, of all there is (Notify's batches, or the messages of the
     * Messaging channel); recipients accepted; what happened last.
     */
    record Progress(long broadcastId, long ended, long total, long recipientsAccepted, String lastEvent, ChannelKind channel) {
    }

    /** Waits between attempts; tests replace it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** @return the state the broadcast was left in */
    BroadcastState run(long broadcastId, Listener listener) throws InterruptedException;

    /** Stops soon (after the batch on its way, or the messages on their way); what is PENDING can be resumed. */
    void pause();

    /** Stops soon; what is PENDING stays unsent. */
    void cancel();
}
