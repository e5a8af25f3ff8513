package app.herald.ui.send;

import app.herald.broadcast.BroadcastPlanner;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Dispatcher;
import app.herald.broadcast.Journal;
import app.herald.settings.Mode;
import app.herald.twilio.TwilioConnection;
import app.herald.ui.common.Notice;
import app.herald.ui.common.Tasks;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One send, from the confirmation to the outcome: the broadcast is planned, then its batches go
 * out on the sender thread through the journal while the dialog samples the progress. A LIVE send
 * needs the person to tick that real messages will go out.
 */
public final class SendViewModel {

    /** Where the dialog is. */
    public enum Phase {
        CONFIRM,
        SENDING,
        DONE
    }

    /**
     * What the confirmation shows. A new broadcast has no id yet (the composer counted it); resuming
     * one names it, and the counts are those of its PENDING batches.
     */
    public record Plan(Long broadcastId, String mode, String body, List<Long> listIds, long recipients, long duplicates,
            long optedOut, long batches, int segments, String encoding, String estimatedCost) {

        public Plan {
            listIds = List.copyOf(listIds);
        }

        /** A new broadcast, in batches of at most 10,000. */
        public static Plan newBroadcast(String body, List<Long> listIds, long recipients, long duplicates, long optedOut,
                int segments, String encoding, String estimatedCost) {
            return new Plan(null, null, body, listIds, recipients, duplicates, optedOut,
                    BroadcastPlanner.batchesFor(recipients), segments, encoding, estimatedCost);
        }

        /** The PENDING batches of a broadcast made earlier, in the mode it was made in. */
        public static Plan resume(long broadcastId, String mode, String body, long recipients, long batches, int segments,
                String encoding) {
            return new Plan(broadcastId, mode, body, List.of(), recipients, 0, 0, batches, segments, encoding, "");
        }

        public boolean resumes() {
            return broadcastId != null;
        }
    }

    private final Plan plan;
    private final BroadcastPlanner planner;
    private final Journal journal;
    private final TwilioConnection twilio;
    private final Tasks tasks;
    private final Executor sender;
    private final Executor uiThread;
    private final LongSupplier nanoClock;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CONFIRM);
    private final BooleanProperty liveConfirmed = new SimpleBooleanProperty();
    private final BooleanBinding canSend;
    private final ReadOnlyLongWrapper batchesEnded = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper accepted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper elapsedSeconds = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper remainingSeconds = new ReadOnlyLongWrapper(-1);
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BroadcastState> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private final Queue<Dispatcher.Progress> unseen = new ConcurrentLinkedQueue<>();

    private volatile Dispatcher dispatcher;
    private long startedAt;

    public SendViewModel(Plan plan, BroadcastPlanner planner, Journal journal, TwilioConnection twilio, Tasks tasks,
            Executor sender, Executor uiThread, LongSupplier nanoClock) {
        this.plan = Objects.requireNonNull(plan);
        this.planner = Objects.requireNonNull(planner);
        this.journal = Objects.requireNonNull(journal);
        this.twilio = Objects.requireNonNull(twilio);
        this.tasks = Objects.requireNonNull(tasks);
        this.sender = Objects.requireNonNull(sender);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        canSend = Bindings.createBooleanBinding(() -> phase.get() == Phase.CONFIRM && sameMode()
                && (twilio.mode() == Mode.SIMULATION || liveConfirmed.get()), phase, liveConfirmed);
        if (!sameMode()) {
            notice.set(new Notice("This broadcast was prepared in " + plan.mode() + " and Herald is " + twilio.mode()
                    + " now: it can only be resumed in " + plan.mode() + ".", true));
        }
    }

    /** A SIMULATION broadcast never goes on LIVE, nor a LIVE one into the simulator. */
    private boolean sameMode() {
        return !plan.resumes() || twilio.mode().name().equals(plan.mode());
    }

    /** Plans the broadcast, then sends it on the sender thread; {@link #sampleProgress()} shows how far it is. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        phase.set(Phase.SENDING);
        startedAt = nanoClock.getAsLong();
        if (plan.resumes()) {
            dispatch(plan.broadcastId());
            return;
        }
        tasks.run(() -> planner.plan(plan.body(), plan.listIds(), twilio.mode(), twilio.serviceSid()))
                .onSuccess(this::dispatch)
                .onError(problem -> {
                    notice.set(Notice.problem(problem));
                    phase.set(Phase.CONFIRM);
                })
                .start();
    }

    private void dispatch(long broadcastId) {
        Dispatcher running = new Dispatcher(journal, twilio.gateway(), duration -> Thread.sleep(duration.toMillis()));
        dispatcher = running;
        sender.execute(() -> {
            BroadcastState state;
            try {
                state = running.run(broadcastId, unseen::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state = BroadcastState.PAUSED;
            } catch (RuntimeException e) {
                uiThread.execute(() -> notice.set(Notice.problem(e)));
                state = BroadcastState.PAUSED;
            }
            BroadcastState ended = state;
            uiThread.execute(() -> {
                sampleProgress();
                outcome.set(ended);
                phase.set(Phase.DONE);
            });
        });
    }

    /** Shows what happened since the last look; the dialog calls it a few times a second. */
    public void sampleProgress() {
        Dispatcher.Progress progress;
        Dispatcher.Progress latest = null;
        while ((progress = unseen.poll()) != null) {
            events.add(progress.lastEvent());
            latest = progress;
        }
        if (latest != null) {
            batchesEnded.set(latest.batchesEnded());
            accepted.set(latest.recipientsAccepted());
        }
        if (phase.get() == Phase.SENDING) {
            long elapsed = (nanoClock.getAsLong() - startedAt) / 1_000_000_000L;
            elapsedSeconds.set(elapsed);
            long ended = batchesEnded.get();
            // the pace so far, over what is left; unknown until a batch has ended
            remainingSeconds.set(ended == 0 ? -1 : elapsed * (plan.batches() - ended) / ended);
        } else {
            remainingSeconds.set(phase.get() == Phase.DONE ? 0 : -1);
        }
    }

    /** Stops after the batch on its way; the rest can be resumed. */
    public void pause() {
        if (dispatcher != null) {
            dispatcher.pause();
        }
    }

    /** Stops after the batch on its way; the rest stays unsent. */
    public void cancel() {
        if (dispatcher != null) {
            dispatcher.cancel();
        }
    }

    public Plan plan() {
        return plan;
    }

    public Mode mode() {
        return twilio.mode();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** For a LIVE send: the person ticked that real messages go out. */
    public BooleanProperty liveConfirmedProperty() {
        return liveConfirmed;
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    public ReadOnlyLongProperty batchesEndedProperty() {
        return batchesEnded.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty acceptedProperty() {
        return accepted.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty elapsedSecondsProperty() {
        return elapsedSeconds.getReadOnlyProperty();
    }

    /** An estimate from the pace so far; -1 while unknown. */
    public ReadOnlyLongProperty remainingSecondsProperty() {
        return remainingSeconds.getReadOnlyProperty();
    }

    /** One line per batch as it ends, with its SID when accepted. */
    public ObservableList<String> events() {
        return events;
    }

    public ReadOnlyObjectProperty<BroadcastState> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
