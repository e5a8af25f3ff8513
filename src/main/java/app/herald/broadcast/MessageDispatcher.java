package app.herald.broadcast;

import app.herald.broadcast.MessageJournal.Answer;
import app.herald.settings.ChannelKind;
import app.herald.twilio.Backoff;
import app.herald.twilio.Channel;
import app.herald.twilio.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a Messaging broadcast's PENDING recipients, one message each, a group at a time: a group
 * is committed IN_FLIGHT before its messages go out, a few at once and no faster than the pace,
 * and while they go, the answers of the group before are committed with the group after marked
 * IN_FLIGHT: one synced commit a group, and a window (two groups) IN_FLIGHT at most. A message
 * Twilio did not process (429, no connection) waits (Retry-After, else 1, 2, 4… s) and goes again; one that may
 * have been processed (a timeout, a reset, a 5xx) is UNCERTAIN and never sent again here; wrong
 * settings pause the broadcast with what was not sent PENDING. Pause and cancel stop every sender
 * before its next message. Before and after the sending, UNCERTAIN messages are looked up in
 * Twilio's log ({@link Reconciler}).
 */
public final class MessageDispatcher implements Dispatcher {

    /** Recipients IN_FLIGHT at most (two groups): a crash leaves at most so many UNCERTAIN, for reconciliation to settle. */
    static final int LARGEST_WINDOW = 1_000;
    /** A wait is cut into slices this long, so a pause or cancel is seen within a second. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(200);

    private final Journal broadcasts;
    private final MessageJournal journal;
    private final Channel channel;
    private final Reconciler reconciler;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Pace pace;
    private final int senders;
    /** Recipients a group holds: two groups are IN_FLIGHT at most, the one going out and the one marked next. */
    private final int group;
    private volatile boolean pauseRequested;
    private volatile boolean cancelRequested;
    /** Why the senders stopped by themselves (wrong settings, Twilio refusing to be hurried): set once. */
    private final AtomicReference<String> stoppedBecause = new AtomicReference<>();
    private final AtomicInteger notProcessedInARow = new AtomicInteger();

    /**
     * @param reconciler where UNCERTAIN messages are looked up, or null when the channel has no log to read
     * @param perSecond  messages a second at most; 0 for as fast as Twilio answers
     * @param senders    requests on their way at once
     */
    MessageDispatcher(Journal broadcasts, MessageJournal journal, Channel channel, Reconciler reconciler, Sleeper sleeper,
            Clock clock, double perSecond, int senders) {
        if (channel.kind() != ChannelKind.MESSAGES) {
            throw new IllegalArgumentException("the message dispatcher sends through the Messaging channel");
        }
        this.broadcasts = Objects.requireNonNull(broadcasts);
        this.journal = Objects.requireNonNull(journal);
        this.channel = channel;
        this.reconciler = reconciler;
        this.sleeper = Objects.requireNonNull(sleeper);
        this.clock = Objects.requireNonNull(clock);
        this.pace = new Pace(perSecond);
        // at a pace of a few a second, more senders would only wait for their slots, and a pause for them
        this.senders = Math.max(1, pace.limited() ? Math.min(senders, (int) Math.ceil(perSecond)) : senders);
        // about a second of sending in two groups: answers are written down as they come, and a crash leaves little to look up
        int secondOfSending = pace.limited() ? (int) Math.ceil(perSecond) : LARGEST_WINDOW;
        this.group = Math.max(this.senders, Math.min(LARGEST_WINDOW, secondOfSending) / 2);
    }

    @Override
    public void pause() {
        pauseRequested = true;
    }

    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public BroadcastState run(long broadcastId, Listener listener) throws InterruptedException {
        String body = broadcasts.body(broadcastId);
        MessageTiming timing = new MessageTiming(broadcasts.schedule(broadcastId).orElse(null),
                broadcasts.quietRule(broadcastId).orElse(null));
        broadcasts.setState(broadcastId, BroadcastState.SENDING);
        reconcile(broadcastId, body, listener);
        ExecutorService pool = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "herald-message-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return journal.onOneConnection(handle -> send(broadcastId, body, timing, listener, pool));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Two groups of half a window each: while one goes out, the answers of the group before are
     * written down with the group after marked IN_FLIGHT, in one synced commit, so the senders never
     * wait for the journal and a crash leaves at most a window (the group going out and the one
     * marked next) IN_FLIGHT.
     */
    private BroadcastState send(long broadcastId, String body, MessageTiming timing, Listener listener, ExecutorService pool)
            throws InterruptedException {
        List<MessageJournal.Outgoing> ready = journal.inState(broadcastId, SendState.PENDING, "", group);
        journal.commit(broadcastId, List.of(), ready);
        String after = ready.isEmpty() ? "" : last(ready);
        List<Answer> answered = List.of();
        while (true) {
            String stop = stopReason();
            if (stop != null) {
                // the group marked next never left: back to PENDING, with the answers of the one that went
                writeDown(broadcastId, answered, neverLeft(ready), listener);
                return end(broadcastId, cancelRequested ? BroadcastState.CANCELLED : BroadcastState.PAUSED, listener, stop);
            }
            if (ready.isEmpty()) {
                writeDown(broadcastId, answered, List.of(), listener);
                reconcile(broadcastId, body, listener);
                return end(broadcastId, BroadcastState.FINISHED, listener, "Every message has ended.");
            }
            GroupGoing going = new GroupGoing(ready, body, timing, pool);
            List<MessageJournal.Outgoing> next;
            try {
                next = journal.inState(broadcastId, SendState.PENDING, after, group);
                journal.commit(broadcastId, answered, next);
            } catch (RuntimeException e) {
                // nothing more can be written down: the senders stop at their next message, and what
                // went is IN_FLIGHT in the journal, to be looked up in Twilio's log
                stoppedBecause.compareAndSet(null, "The journal could not be written: " + e.getMessage());
                going.answers();
                throw e;
            }
            if (!answered.isEmpty()) {
                listener.progress(progress(broadcastId, summary(answered)));
            }
            if (!next.isEmpty()) {
                after = last(next);
            }
            answered = going.answers();
            ready = next;
        }
    }

    /** The last answers written down with those of messages that never left (PENDING again), and said. */
    private void writeDown(long broadcastId, List<Answer> answered, List<Answer> neverLeft, Listener listener) {
        List<Answer> all = new ArrayList<>(answered);
        all.addAll(neverLeft);
        journal.commit(broadcastId, all, List.of());
        if (!answered.isEmpty()) {
            listener.progress(progress(broadcastId, summary(answered)));
        }
    }

    private static String last(List<MessageJournal.Outgoing> numbers) {
        return numbers.get(numbers.size() - 1).e164();
    }

    private static List<Answer> neverLeft(List<MessageJournal.Outgoing> numbers) {
        return numbers.stream().map(number -> new Answer(number.e164(), SendState.PENDING, null, null, null)).toList();
    }

    /** Why to stop before the next message, or null to go on. */
    private String stopReason() {
        if (cancelRequested) {
            return "Cancelled: the messages not sent stay unsent.";
        }
        String stopped = stoppedBecause.get();
        if (stopped != null) {
            return stopped;
        }
        // an interrupt (Herald closing) pauses like the person would: what was on its way is journalled
        if (pauseRequested || Thread.currentThread().isInterrupted()) {
            return "Paused: resume to send the rest.";
        }
        return null;
    }

    /** A group's messages on their way on the senders. */
    private final class GroupGoing {

        private final List<MessageJournal.Outgoing> numbers;
        private final Answer[] answers;
        private final List<Future<?>> senders = new ArrayList<>();

        GroupGoing(List<MessageJournal.Outgoing> numbers, String body, MessageTiming timing, ExecutorService pool) {
            this.numbers = numbers;
            this.answers = new Answer[numbers.size()];
            AtomicInteger next = new AtomicInteger();
            for (int i = 0; i < MessageDispatcher.this.senders; i++) {
                senders.add(pool.submit(() -> {
                    int index;
                    while (stopReason() == null && (index = next.getAndIncrement()) < numbers.size()) {
                        answers[index] = sendOne(numbers.get(index), body, timing);
                    }
                    return null;
                }));
            }
        }

        /** Waits for the senders to end; each answer in the group's order, PENDING for those that did not go. */
        List<Answer> answers() throws InterruptedException {
            boolean interrupted = false;
            for (Future<?> sender : senders) {
                while (true) {
                    try {
                        sender.get(1, TimeUnit.DAYS);
                        break;
                    } catch (InterruptedException e) {
                        // the answers on their way are still written down: let the senders end, then pause
                        interrupted = true;
                        pauseRequested = true;
                    } catch (ExecutionException | TimeoutException e) {
                        throw new IllegalStateException("a message sender failed", e);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < answers.length; i++) {
                if (answers[i] == null) {
                    answers[i] = new Answer(numbers.get(i).e164(), SendState.PENDING, null, null, null);
                }
            }
            return Arrays.asList(answers);
        }
    }

    /**
     * One message, with the recipient's own text when it has one, sent again only when Twilio certainly did not process it. One due later (a time
     * chosen, quiet hours where it arrives) is handed to Twilio's scheduler; nearer its time than
     * Twilio holds a message, Herald waits for the time and sends it then.
     */
    private Answer sendOne(MessageJournal.Outgoing message, String broadcastBody, MessageTiming timing)
            throws InterruptedException {
        String e164 = message.e164();
        String body = message.textOr(broadcastBody);
        Backoff backoff = new Backoff();
        while (true) {
            if (!waitUnlessStopped(pace.takeSlot())) {
                return new Answer(e164, SendState.PENDING, null, null, null);
            }
            Instant now = clock.instant();
            Instant due = timing.dueFor(e164, now);
            Optional<Instant> sendAt = Schedule.forTwilio(due, now);
            if (sendAt.isEmpty() && !waitUnlessStopped(Schedule.waitFrom(due, now))) {
                return new Answer(e164, SendState.PENDING, null, null, null);
            }
            try {
                String sid = sendAt.isPresent() ? channel.schedule(List.of(e164), body, sendAt.get())
                        : channel.send(List.of(e164), body);
                notProcessedInARow.set(0);
                return new Answer(e164, SendState.ACCEPTED, sid, null, null);
            } catch (GatewayException e) {
                switch (e.outcome()) {
                    case REJECTED -> {
                        return new Answer(e164, SendState.FAILED, null, e.code(), e.getMessage());
                    }
                    case UNCERTAIN -> {
                        return new Answer(e164, SendState.UNCERTAIN, null, e.code(), e.getMessage());
                    }
                    case CONFIGURATION -> {
                        stoppedBecause.compareAndSet(null, e.getMessage());
                        return new Answer(e164, SendState.PENDING, null, e.code(), e.getMessage());
                    }
                    case NOT_PROCESSED -> {
                        int inARow = notProcessedInARow.incrementAndGet();
                        // a few senders at once meet the same limit: they stop together, not at each one's fifth
                        if (inARow >= Backoff.MOST_IN_A_ROW * senders) {
                            stoppedBecause.compareAndSet(null, Backoff.gaveUp(inARow, e.getMessage()));
                            return new Answer(e164, SendState.PENDING, null, e.code(), e.getMessage());
                        }
                        if (!waitUnlessStopped(backoff.next(e.retryAfter()))) {
                            return new Answer(e164, SendState.PENDING, null, e.code(), e.getMessage());
                        }
                    }
                    default -> throw new IllegalStateException("unknown outcome " + e.outcome());
                }
            }
        }
    }

    /** Waits in slices, so a pause or cancel ends the wait within a second. @return false when told to stop meanwhile */
    private boolean waitUnlessStopped(Duration wait) throws InterruptedException {
        Duration left = wait;
        while (!left.isNegative() && !left.isZero()) {
            if (stopReason() != null) {
                return false;
            }
            Duration slice = left.compareTo(WAIT_SLICE) < 0 ? left : WAIT_SLICE;
            sleeper.sleep(slice);
            left = left.minus(slice);
        }
        return stopReason() == null;
    }

    private void reconcile(long broadcastId, String body, Listener listener) {
        if (reconciler == null) {
            return;
        }
        Reconciler.Settled settled = reconciler.reconcile(broadcastId, body);
        if (settled.found() + settled.notFound() > 0 || settled.problem() != null) {
            listener.progress(progress(broadcastId, "Looked up " + (settled.found() + settled.notFound())
                    + " uncertain messages in Twilio's log: " + settled.found() + " found (accepted), " + settled.notFound()
                    + " not found (left for you to decide)" + (settled.problem() == null ? "." : "; " + settled.problem())));
        }
    }

    private BroadcastState end(long broadcastId, BroadcastState state, Listener listener, String event) {
        broadcasts.setState(broadcastId, state);
        listener.progress(progress(broadcastId, event));
        return state;
    }

    /** What a group's answers came to, in one pass: a group is hundreds of answers, and a send a few thousand groups. */
    private static String summary(List<Answer> answers) {
        long accepted = 0;
        long refused = 0;
        long uncertain = 0;
        Answer lastAccepted = null;
        Answer firstRefused = null;
        for (Answer answer : answers) {
            switch (answer.state()) {
                case ACCEPTED -> {
                    accepted++;
                    lastAccepted = answer;
                }
                case FAILED -> {
                    if (refused++ == 0) {
                        firstRefused = answer;
                    }
                }
                case UNCERTAIN -> uncertain++;
                default -> {
                }
            }
        }
        StringBuilder event = new StringBuilder(String.format("%,d more messages: %,d accepted", answers.size(), accepted));
        if (lastAccepted != null) {
            event.append(" (the last: ").append(lastAccepted.e164()).append(' ').append(lastAccepted.sid()).append(')');
        }
        if (firstRefused != null) {
            event.append(String.format(", %,d refused (%s: %s)", refused, firstRefused.e164(), firstRefused.errorMessage()));
        }
        if (uncertain > 0) {
            event.append(String.format(", %,d uncertain", uncertain));
        }
        return event.toString();
    }

    private Progress progress(long broadcastId, String event) {
        MessageCounts counts = broadcasts.messageCounts(broadcastId);
        return new Progress(broadcastId, counts.ended(), counts.recipients(), counts.accepted(), event, ChannelKind.MESSAGES);
    }
}
