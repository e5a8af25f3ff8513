package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import java.time.Instant;
import java.util.List;

/**
 * A broadcast as the history shows it: with its batches when it went through Notify; through the
 * Messaging channel each message is its own request, and the counts its journal keeps say how they
 * stand ({@code accepted}, {@code failed}, {@code uncertain}, {@code markedSent}; Notify's come
 * from its batches).
 *
 * @param lists      the names of the lists it went to, as they were named then (empty before Herald recorded them)
 * @param deliveries what Twilio's log said of its accepted messages since
 * @param schedule   when it was to go, or null for at once
 */
public record BroadcastSummary(long id, String body, String lists, BroadcastState state, Mode mode, ChannelKind channel,
        int recipients, int optedOut, int duplicates, int accepted, int failed, int uncertain, int markedSent, int segments,
        String encoding, Instant createdAt, Instant startedAt, Instant finishedAt, Deliveries deliveries, Schedule schedule,
        List<Batch> batches) {

    public BroadcastSummary {
        batches = List.copyOf(batches);
    }

    /** The same broadcast with these batches. */
    public BroadcastSummary withBatches(List<Batch> its) {
        return new BroadcastSummary(id, body, lists, state, mode, channel, recipients, optedOut, duplicates, accepted, failed,
                uncertain, markedSent, segments, encoding, createdAt, startedAt, finishedAt, deliveries, schedule, its);
    }

    /** Given a time that has not come at {@code now}, and not taken back: Twilio (or Herald, for Notify) holds it. */
    public boolean waitsForItsTime(Instant now) {
        return schedule != null && schedule.at().isAfter(now) && state != BroadcastState.CANCELLED;
    }

    /** The recipients still to send: of PENDING batches, or PENDING messages (IN_FLIGHT ones while a run goes on). */
    public long pendingRecipients() {
        if (channel == ChannelKind.MESSAGES) {
            return Math.max(0, (long) recipients - accepted - failed - uncertain - markedSent);
        }
        return batches.stream().filter(batch -> batch.state() == SendState.PENDING).mapToLong(Batch::size).sum();
    }

    /** Requests that can still be sent: PENDING batches, or PENDING messages. */
    public long pendingRequests() {
        if (channel == ChannelKind.MESSAGES) {
            return pendingRecipients();
        }
        return batches.stream().filter(batch -> batch.state() == SendState.PENDING).count();
    }

    /** Requests left to send (and not cancelled), or requests nobody knows went out: a person should look. */
    public boolean needsAPerson() {
        return uncertainRequests() > 0 || pendingRequests() > 0 && state != BroadcastState.CANCELLED;
    }

    /** The recipients whose message (or batch) ended UNCERTAIN or MARKED_SENT. */
    public int recipientsIn(SendState ended) {
        if (ended != SendState.UNCERTAIN && ended != SendState.MARKED_SENT) {
            throw new IllegalArgumentException("counted for UNCERTAIN and MARKED_SENT, not " + ended);
        }
        if (channel == ChannelKind.MESSAGES) {
            return ended == SendState.UNCERTAIN ? uncertain : markedSent;
        }
        return batches.stream().filter(batch -> batch.state() == ended).mapToInt(Batch::size).sum();
    }

    /** Requests a person must look at (batches, or messages): they may or may not have gone out. */
    public long uncertainRequests() {
        if (channel == ChannelKind.MESSAGES) {
            return uncertain;
        }
        return batches.stream().filter(batch -> batch.state() == SendState.UNCERTAIN).count();
    }
}
