package app.herald.ui.send;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Dispatcher;
import app.herald.broadcast.QuietPreview;
import app.herald.broadcast.QuietRule;
import app.herald.broadcast.Quote;
import app.herald.broadcast.Schedule;
import app.herald.broadcast.Sending;
import app.herald.contacts.PhoneNumbers;
import app.herald.message.PersonalTexts;
import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import app.herald.settings.QuietHours;
import app.herald.ui.common.Notice;
import app.herald.ui.common.Tasks;
import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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

    /** A time of day as people type it: 9:00, 09:00, 17:30. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Quote quote;
    private final Callable<Optional<String>> ownNumber;
    private final BroadcastService broadcasts;
    private final Tasks tasks;
    private final Executor sender;
    private final Executor uiThread;
    private final LongSupplier nanoClock;
    private final ResourceBundle bundle;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CONFIRM);
    /** Which of the personal texts the confirmation shows (and a test sends). */
    private final ReadOnlyIntegerWrapper previewed = new ReadOnlyIntegerWrapper();
    private final BooleanProperty liveConfirmed = new SimpleBooleanProperty();
    private final BooleanProperty sendLater = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> laterDate = new SimpleObjectProperty<>(LocalDate.now().plusDays(1));
    private final StringProperty laterTime = new SimpleStringProperty("09:00");
    private final StringProperty laterZone = new SimpleStringProperty(ZoneId.systemDefault().getId());
    private final ReadOnlyStringWrapper scheduleProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scheduleNote = new ReadOnlyStringWrapper("");
    private final Optional<QuietHours> quietHours;
    private final ReadOnlyStringWrapper quietNote = new ReadOnlyStringWrapper("");
    /** Only the newest count of who waits for quiet hours is shown. */
    private long quietCounts;
    private final BooleanBinding canSend;
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper ended = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper accepted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper elapsedSeconds = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper remainingSeconds = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper perSecond = new ReadOnlyLongWrapper();
    private final ObservableList<String> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<BroadcastState> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private final Queue<Dispatcher.Progress> unseen = new ConcurrentLinkedQueue<>();

    private volatile Sending sending;
    private volatile boolean pauseAsked;
    private volatile boolean cancelAsked;
    private long broadcastId;
    private long startedAt;
    private long sendingSince;
    private long endedAtStart;

    /**
     * @param ownNumber  the person's own number from Settings, read when they ask for a test
     * @param quietHours the hours from Settings that messages may arrive in each recipient's time (a new
     *                   send keeps to them); empty: any hour
     * @param sender     the thread the broadcast is sent on
     */
    public SendViewModel(Quote quote, Callable<Optional<String>> ownNumber, Optional<QuietHours> quietHours,
            BroadcastService broadcasts, Tasks tasks, Executor sender, Executor uiThread, LongSupplier nanoClock,
            ResourceBundle bundle) {
        this.quote = Objects.requireNonNull(quote);
        this.quietHours = quote.resumes() ? Optional.empty() : quietHours;
        this.ownNumber = Objects.requireNonNull(ownNumber);
        this.broadcasts = Objects.requireNonNull(broadcasts);
        this.tasks = Objects.requireNonNull(tasks);
        this.sender = Objects.requireNonNull(sender);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.nanoClock = Objects.requireNonNull(nanoClock);
        this.bundle = Objects.requireNonNull(bundle);
        total.set(quote.requests());
        canSend = Bindings.createBooleanBinding(() -> phase.get() == Phase.CONFIRM && sameMode()
                && (mode() == Mode.SIMULATION || liveConfirmed.get()) && (!sendLater.get() || scheduleProblem.get().isEmpty()),
                phase, liveConfirmed, sendLater, scheduleProblem);
        for (var chosen : List.of(sendLater, laterDate, laterTime, laterZone)) {
            chosen.addListener(observable -> countQuiet(checkSchedule()));
        }
        countQuiet(checkSchedule());
        if (!sameMode()) {
            notice.set(new Notice(MessageFormat.format(bundle.getString("send.otherMode"), quote.mode(), mode()), true));
        }
    }

    /** A SIMULATION broadcast never goes on LIVE, nor a LIVE one into the simulator. */
    private boolean sameMode() {
        return quote.mode() == mode();
    }

    /**
     * Sends the message to the person's own number alone, so they see it on a phone before
     * everyone does. It is not a broadcast: it stays out of the history.
     */
    public void sendTest() {
        if (phase.get() != Phase.CONFIRM || testing.get() || !sameMode()) {
            return;
        }
        testing.set(true);
        tasks.run(() -> {
                    String number = ownNumber.call().orElseThrow(
                            () -> new IllegalStateException(bundle.getString("send.test.noNumber")));
                    String sid = broadcasts.sendTest(number, previewText());
                    return MessageFormat.format(bundle.getString("send.test.sent"), PhoneNumbers.forPeople(number), sid);
                })
                .onSuccess(sent -> notice.set(Notice.info(sent)))
                .onError(problem -> notice.set(Notice.problem(problem)))
                .andFinally(() -> testing.set(false))
                .start();
    }

    /** The previewed recipient's own text of a personal message; the body of one for everybody. */
    public String previewText() {
        PersonalTexts.Sample sample = previewedSample();
        return sample == null ? quote.body() : sample.text();
    }

    /** The recipient the confirmation previews, or null when everybody gets the body. */
    public PersonalTexts.Sample previewedSample() {
        List<PersonalTexts.Sample> first = quote.isPersonal() ? quote.personal().first() : List.of();
        return first.isEmpty() ? null : first.get(previewed.get());
    }

    /** Shows the next recipient's text (from the last, the first). */
    public void previewNext() {
        int shown = previewable();
        if (shown > 0) {
            previewed.set((previewed.get() + 1) % shown);
        }
    }

    public void previewPrevious() {
        int shown = previewable();
        if (shown > 0) {
            previewed.set((previewed.get() + shown - 1) % shown);
        }
    }

    /** How many recipients' texts the confirmation can show one by one. */
    public int previewable() {
        return quote.isPersonal() ? quote.personal().first().size() : 0;
    }

    public ReadOnlyIntegerProperty previewedProperty() {
        return previewed.getReadOnlyProperty();
    }

    /**
     * The time chosen for "send at", read again, as a schedule: what the confirmation says of it, or
     * why it cannot be (a time that has passed, nearer than Twilio holds a message).
     */
    private Optional<Schedule> checkSchedule() {
        if (!sendLater.get()) {
            scheduleProblem.set("");
            scheduleNote.set("");
            return Optional.empty();
        }
        scheduleNote.set("");
        if (laterDate.get() == null) {
            scheduleProblem.set(bundle.getString("send.when.noDate"));
            return Optional.empty();
        }
        try {
            LocalTime time = LocalTime.parse(laterTime.get().strip(), TIME);
            Schedule schedule = Schedule.chosen(LocalDateTime.of(laterDate.get(), time), ZoneId.of(laterZone.get().strip()),
                    Instant.now(), quote.channel());
            scheduleProblem.set("");
            scheduleNote.set(MessageFormat.format(bundle.getString(quote.channel() == ChannelKind.MESSAGES
                    ? "send.when.twilioHolds" : "send.when.heraldHolds"), schedule.words()));
            return Optional.of(schedule);
        } catch (DateTimeParseException e) {
            scheduleProblem.set(bundle.getString("send.when.badTime"));
        } catch (DateTimeException e) {
            scheduleProblem.set(MessageFormat.format(bundle.getString("send.when.badZone"), laterZone.get()));
        } catch (IllegalArgumentException e) {
            scheduleProblem.set(e.getMessage());
        }
        return Optional.empty();
    }

    /** The send as confirmed: at the time chosen, if one was, and within the quiet hours of Settings, if any. */
    private Quote timed(Optional<Schedule> schedule) {
        Quote timed = schedule.map(quote::at).orElse(quote);
        if (quietHours.isEmpty()) {
            return timed;
        }
        return timed.within(new QuietRule(quietHours.get(), schedule.map(Schedule::zone).orElse(ZoneId.systemDefault())));
    }

    /** Counts, in the background, who goes at once and who waits for quiet hours to end where they are. */
    private void countQuiet(Optional<Schedule> schedule) {
        if (quietHours.isEmpty()) {
            return;
        }
        long asked = ++quietCounts;
        if (sendLater.get() && schedule.isEmpty()) {
            quietNote.set("");
            return;
        }
        Quote timed = timed(schedule);
        quietNote.set(MessageFormat.format(bundle.getString("send.quiet.counting"), quietHours.get().words()));
        tasks.run(() -> broadcasts.quietPreview(timed))
                .onSuccess(preview -> {
                    if (asked == quietCounts) {
                        quietNote.set(quietWords(timed, preview));
                    }
                })
                .onError(problem -> {
                    if (asked == quietCounts) {
                        quietNote.set(problem.getMessage());
                    }
                })
                .start();
    }

    private String quietWords(Quote timed, QuietPreview preview) {
        ZoneId zone = timed.quiet().fallback();
        String words = MessageFormat.format(bundle.getString("send.quiet.preview"), quietHours.get().words(),
                preview.atOnce(), bundle.getString(timed.isScheduled() ? "send.quiet.atTheTime" : "send.quiet.atOnce"),
                preview.later(), new Schedule(preview.last(), zone).words());
        if (preview.withoutZone() > 0) {
            words += MessageFormat.format(bundle.getString("send.quiet.previewUnknown"), preview.withoutZone(), zone.getId());
        }
        return quote.channel() == ChannelKind.NOTIFY && preview.later() > 0 ? words + bundle.getString("send.quiet.heraldHolds")
                : words;
    }

    /** Plans the broadcast, then sends it on the sender thread; {@link #sampleProgress()} shows how far it is. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        // the time is checked again: it may have come near while the dialog stood open
        Optional<Schedule> schedule = checkSchedule();
        if (sendLater.get() && schedule.isEmpty()) {
            return;
        }
        Quote confirmed = timed(schedule);
        phase.set(Phase.SENDING);
        startClock();
        if (quote.resumes()) {
            dispatch(quote.broadcastId());
            return;
        }
        preparing.set(true);
        tasks.run(() -> broadcasts.start(confirmed))
                .onSuccess(this::dispatch)
                .onError(problem -> {
                    notice.set(Notice.problem(problem));
                    phase.set(Phase.CONFIRM);
                })
                .andFinally(() -> preparing.set(false))
                .start();
    }

    /** Sends on the sender thread, which also finds the broadcast: no database on the FX thread. */
    private void dispatch(long id) {
        broadcastId = id;
        pauseAsked = false;
        cancelAsked = false;
        sender.execute(() -> {
            BroadcastState state;
            try {
                Sending running = broadcasts.sending(id);
                sending = running;
                // a pause or cancel asked before the run existed still counts
                if (pauseAsked) {
                    running.pause();
                }
                if (cancelAsked) {
                    running.cancel();
                }
                long endedBefore = running.endedBefore();
                long since = nanoClock.getAsLong();
                uiThread.execute(() -> {
                    endedAtStart = endedBefore;
                    sendingSince = since;
                });
                state = running.run(unseen::add);
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
            ended.set(latest.ended());
            total.set(latest.total());
            accepted.set(latest.recipientsAccepted());
        }
        if (phase.get() == Phase.SENDING) {
            long elapsed = (nanoClock.getAsLong() - startedAt) / 1_000_000_000L;
            elapsedSeconds.set(elapsed);
            long endedNow = ended.get() - endedAtStart;
            // the pace of this run's sending so far (the plan before it left out), in nanoseconds: a send
            // of 150 messages takes under a second and was "0 a second" in whole seconds
            double sendingSeconds = Math.max(1, nanoClock.getAsLong() - sendingSince) / 1e9;
            double pace = endedNow / sendingSeconds;
            // over what is left; unknown until one of its batches (or messages) has ended
            remainingSeconds.set(endedNow <= 0 ? -1 : Math.round((total.get() - ended.get()) / pace));
            perSecond.set(Math.round(pace));
        } else {
            remainingSeconds.set(phase.get() == Phase.DONE ? 0 : -1);
        }
    }

    /** Stops after the batch on its way; the rest can be resumed. */
    public void pause() {
        pauseAsked = true;
        Sending running = sending;
        if (running != null) {
            running.pause();
        }
    }

    /** Sends the rest of a paused broadcast, from this dialog. */
    public void resume() {
        if (phase.get() != Phase.DONE || outcome.get() != BroadcastState.PAUSED) {
            return;
        }
        outcome.set(null);
        phase.set(Phase.SENDING);
        startClock();
        dispatch(broadcastId);
    }

    /** The time shown from now; the pace counts from when the run itself starts (see {@link #dispatch}). */
    private void startClock() {
        startedAt = nanoClock.getAsLong();
        sendingSince = startedAt;
        endedAtStart = ended.get();
    }

    /** Stops after the batch on its way; the rest stays unsent. */
    public void cancel() {
        cancelAsked = true;
        Sending running = sending;
        if (running != null) {
            running.cancel();
        }
    }

    public Quote quote() {
        return quote;
    }

    /** Where a send goes now. */
    public Mode mode() {
        return broadcasts.mode();
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

    /** Send at a chosen time instead of now (a new broadcast only: a resumed one keeps its time). */
    public BooleanProperty sendLaterProperty() {
        return sendLater;
    }

    public ObjectProperty<LocalDate> laterDateProperty() {
        return laterDate;
    }

    /** The time of day, as typed: "09:00". */
    public StringProperty laterTimeProperty() {
        return laterTime;
    }

    /** The time zone the time is in, by its name: "Europe/Berlin"; this computer's at first. */
    public StringProperty laterZoneProperty() {
        return laterZone;
    }

    /** Why the time chosen cannot be, in words; empty when it can (or when sending now). */
    public ReadOnlyStringProperty scheduleProblemProperty() {
        return scheduleProblem.getReadOnlyProperty();
    }

    /** Who goes at once and who waits for quiet hours, as last counted; empty without quiet hours. */
    public ReadOnlyStringProperty quietNoteProperty() {
        return quietNote.getReadOnlyProperty();
    }

    /** When it goes and who holds it until then; empty when sending now. */
    public ReadOnlyStringProperty scheduleNoteProperty() {
        return scheduleNote.getReadOnlyProperty();
    }

    /**
     * The recipients are being written down (each number once, opted-out numbers left out) before
     * the first batch leaves: about 15 s for a million. Nothing can be paused yet.
     */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** A test to the person's own number is on its way. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The broadcast's batches (Notify) or messages, including those a run before this one ended. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Of {@link #totalProperty()}, those that ended: they will not go out again by themselves. */
    public ReadOnlyLongProperty endedProperty() {
        return ended.getReadOnlyProperty();
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

    /** The pace of this run so far: batches (or messages) ended a second. */
    public ReadOnlyLongProperty perSecondProperty() {
        return perSecond.getReadOnlyProperty();
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
