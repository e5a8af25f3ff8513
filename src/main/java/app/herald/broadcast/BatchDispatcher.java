package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import app.herald.twilio.Backoff;
import app.herald.twilio.Channel;
import app.herald.twilio.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends a Notify broadcast's PENDING batches one after the other through the journal and a channel: the state is
 * committed before each request and after its answer. A batch Twilio did not process waits (its
 * Retry-After, else 1, 2, 4… up to 60 s) and goes again; one that may have been processed is
 * UNCERTAIN and never sent again here; wrong settings pause the broadcast with the batch PENDING.
 * Pause and cancel take effect between batches. A broadcast given a time, and a batch whose
 * numbers are in quiet hours where they are, are held by Herald until then. Runs on the caller's thread.
 */
public final class BatchDispatcher implements Dispatcher {


    /** A hold is slept in slices this long, so a pause or cancel ends it within a second. */
    private static final Duration HOLD_SLICE = Duration.ofMillis(500);

    private final Journal journal;
    private final Channel channel;
    private final Sleeper sleeper;
    private final Clock clock;
    private volatile boolean pauseRequested;
    private volatile boolean cancelRequested;

    public BatchDispatcher(Journal journal, Channel channel, Sleeper sleeper, Clock clock) {
        this.journal = Objects.requireNonNull(journal);
        this.channel = Objects.requireNonNull(channel);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Stops after the batch in progress; what is PENDING can be resumed. */
    @Override
    public void pause() {
        pauseRequested = true;
    }

    /** Stops after the batch in progress; what is PENDING stays unsent. */
    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public BroadcastState run(long broadcastId, Listener listener) throws InterruptedException {
        String body = journal.body(broadcastId);
        Optional<Schedule> schedule = journal.schedule(broadcastId);
        if (schedule.isPresent() && !hold(broadcastId, schedule.get().at(), listener, "Held until " + schedule.get().words()
                + ": Notify cannot hold messages, so Herald sends them then, if it is still running.")) {
            return endHold(broadcastId, listener, "Taken back before its time: nothing was sent.",
                    "Paused before its time: nothing was sent.");
        }
        // a batch holds numbers of one set of zones (see BroadcastPlanner): its first number says when it may go
        QuietRule rule = journal.quietRule(broadcastId).orElse(null);
        MessageTiming quiet = new MessageTiming(null, rule);
        journal.setState(broadcastId, BroadcastState.SENDING);
        Backoff backoff = new Backoff();
        int notProcessedInARow = 0;
        while (true) {
            if (cancelRequested) {
                return end(broadcastId, BroadcastState.CANCELLED, listener, "Cancelled: the batches not sent stay unsent.");
            }
            // an interrupt (Herald closing) pauses like the person would: the batch on its way was journalled
            if (pauseRequested || Thread.currentThread().isInterrupted()) {
                return end(broadcastId, BroadcastState.PAUSED, listener, "Paused: resume to send the rest.");
            }
            Optional<Integer> next = journal.nextPending(broadcastId);
            if (next.isEmpty()) {
                return end(broadcastId, BroadcastState.FINISHED, listener, "Every batch has ended.");
            }
            int number = next.get();
            List<String> numbers = journal.numbers(broadcastId, number);
            Instant due = quiet.dueFor(numbers.get(0), clock.instant());
            if (due.isAfter(clock.instant()) && !hold(broadcastId, due, listener, "Batch " + number + " held until "
                    + new Schedule(due, rule.fallback()).words()
                    + ": its numbers are in quiet hours where they are. Herald sends it then, if it is still running.")) {
                return endHold(broadcastId, listener, "Cancelled: the batches not sent stay unsent.",
                        "Paused: resume to send the rest.");
            }
            if (!journal.inFlight(broadcastId, number)) {
                throw new IllegalStateException("batch " + number + " of broadcast " + broadcastId + " is taken by another sender");
            }
            String event;
            try {
                String sid = channel.send(numbers, body);
                journal.accepted(broadcastId, number, sid);
                event = "Batch " + number + " accepted: " + sid;
                backoff.reset();
                notProcessedInARow = 0;
            } catch (GatewayException e) {
                switch (e.outcome()) {
                    case NOT_PROCESSED -> {
                        journal.notProcessed(broadcastId, number, e.code(), e.getMessage());
                        if (++notProcessedInARow >= Backoff.MOST_IN_A_ROW) {
                            return end(broadcastId, BroadcastState.PAUSED, listener,
                                    Backoff.gaveUp(notProcessedInARow, e.getMessage()));
                        }
                        Duration wait = backoff.next(e.retryAfter());
                        sleeper.sleep(wait);
                        event = "Batch " + number + " not processed, sent again after " + wait.toSeconds() + " s: " + e.getMessage();
                    }
                    case REJECTED -> {
                        journal.failed(broadcastId, number, e.code(), e.getMessage());
                        event = "Batch " + number + " refused: " + e.getMessage();
                    }
                    case UNCERTAIN -> {
                        journal.uncertain(broadcastId, number, e.code(), e.getMessage());
                        event = "Batch " + number + " uncertain: " + e.getMessage();
                    }
                    case CONFIGURATION -> {
                        journal.notProcessed(broadcastId, number, e.code(), e.getMessage());
                        return end(broadcastId, BroadcastState.PAUSED, listener, e.getMessage());
                    }
                    default -> throw new IllegalStateException("unknown outcome " + e.outcome());
                }
            }
            listener.progress(progress(broadcastId, event));
        }
    }

    /**
     * Notify cannot hold a message: Herald waits for the time itself (the one chosen, or the end of
     * quiet hours where a batch's numbers are), as long as it runs.
     *
     * @param why what the wait is for, told when there is one
     * @return false when told to stop (or Herald closing) meanwhile
     */
    private boolean hold(long broadcastId, Instant until, Listener listener, String why) throws InterruptedException {
        if (!Schedule.waitFrom(until, clock.instant()).isZero()) {
            listener.progress(progress(broadcastId, why));
        }
        for (Duration left = Schedule.waitFrom(until, clock.instant()); !left.isZero();
                left = Schedule.waitFrom(until, clock.instant())) {
            if (journal.isCancelled(broadcastId)) {
                cancelRequested = true;
            }
            if (cancelRequested || pauseRequested || Thread.currentThread().isInterrupted()) {
                return false;
            }
            sleeper.sleep(left.compareTo(HOLD_SLICE) < 0 ? left : HOLD_SLICE);
        }
        return !journal.isCancelled(broadcastId);
    }

    /** A hold told to stop: CANCELLED when taken back (here or in History), else PAUSED. */
    private BroadcastState endHold(long broadcastId, Listener listener, String cancelled, String paused) {
        boolean takenBack = cancelRequested || journal.isCancelled(broadcastId);
        return end(broadcastId, takenBack ? BroadcastState.CANCELLED : BroadcastState.PAUSED, listener,
                takenBack ? cancelled : paused);
    }

    private BroadcastState end(long broadcastId, BroadcastState state, Listener listener, String event) {
        journal.setState(broadcastId, state);
        listener.progress(progress(broadcastId, event));
        return state;
    }

    private Progress progress(long broadcastId, String event) {
        List<Batch> batches = journal.batches(broadcastId);
        int ended = (int) batches.stream().filter(batch -> batch.state().hasEnded()).count();
        long accepted = batches.stream().filter(batch -> batch.state() == SendState.ACCEPTED).mapToLong(Batch::size).sum();
        return new Progress(broadcastId, ended, batches.size(), accepted, event, ChannelKind.NOTIFY);
    }
}
