package app.herald.ui.history;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.DailyOutcome;
import app.herald.broadcast.HistoryExporter;
import app.herald.broadcast.Quote;
import app.herald.broadcast.RecipientOutcome;
import app.herald.contacts.PhoneNumbers;
import app.herald.delivery.NotReached;
import app.herald.delivery.Replies;
import app.herald.delivery.ScheduledBroadcasts;
import app.herald.delivery.StatusSync;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The history: every broadcast, newest first, and for the chosen one its Notify batches with their
 * SIDs, and its recipients with each one's message ({@link RecipientsViewModel}).
 */
public final class HistoryViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    /** Takes back a broadcast given a time (slow on a big one: run off the FX thread). */
    public interface TakeBack {
        ScheduledBroadcasts.Cancelled cancel(long broadcastId) throws InterruptedException;
    }

    private final Broadcasts broadcasts;
    private final BroadcastService sending;
    private final TakeBack takeBack;
    /** Broadcasts whose take-back stopped early (Twilio out of reach): they can be taken back again. */
    private final Set<Long> unfinishedTakeBacks = new HashSet<>();
    private final ScreenWork work;
    private final ResourceBundle bundle;

    private final ObservableList<BroadcastSummary> all = FXCollections.observableArrayList();
    private final FilteredList<BroadcastSummary> shown = new FilteredList<>(all);
    private final ObjectProperty<BroadcastState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObjectProperty<BroadcastSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper sentElsewhere = new ReadOnlyStringWrapper("");
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    private final RecipientsViewModel recipients;
    /** A person asked for a read of Twilio's log, and its answer has not come yet. */
    private boolean checking;
    private final ObservableList<DailyOutcome> lastThirtyDays = FXCollections.observableArrayList();

    /**
     * @param sending  resumes a broadcast, and settles its uncertain batches and messages as a person decides
     * @param takeBack cancels a broadcast given a time before it goes
     */
    public HistoryViewModel(Broadcasts broadcasts, BroadcastRecipients recipientsOf, Replies replies, NotReached notReached,
            BroadcastService sending, TakeBack takeBack, Tasks tasks, ResourceBundle bundle) {
        this.broadcasts = Objects.requireNonNull(broadcasts);
        this.sending = Objects.requireNonNull(sending);
        this.takeBack = Objects.requireNonNull(takeBack);
        this.work = new ScreenWork(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.recipients = new RecipientsViewModel(selected, recipientsOf, replies, notReached, sending, work, bundle);
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter, stateFilter, fromDate, toDate));
        selected.addListener((observable, previous, broadcast) -> {
            batches.setAll(broadcast == null ? List.of() : broadcast.batches());
            readWhoSends(broadcast);
        });
    }

    /** Whether another desktop is sending the chosen broadcast: read at each choice and each refresh. */
    private void readWhoSends(BroadcastSummary broadcast) {
        if (broadcast == null || broadcast.pendingRequests() == 0) {
            sentElsewhere.set("");
            return;
        }
        work.read(() -> sending.sentElsewhere(broadcast.id()).orElse(""), words -> {
            if (selected.get() != null && selected.get().id() == broadcast.id()) {
                sentElsewhere.set(words);
            }
        });
    }

    /**
     * Reads again who sends the chosen broadcast while another desktop does (the screen asks every
     * few seconds): when it was last heard from, and whether it still holds the broadcast at all.
     */
    public void lookAgainWhoSends() {
        if (!sentElsewhere.get().isEmpty()) {
            readWhoSends(selected.get());
        }
    }

    /** "Broadcast 12 is being sent by RECEPTION-2, last heard from 4 seconds ago. …", or "" when no other desktop sends it. */
    public ReadOnlyStringProperty sentElsewhereProperty() {
        return sentElsewhere.getReadOnlyProperty();
    }

    /** The state and the days (inclusive, on this computer's calendar) the person chose; null lets all through. */
    private Predicate<BroadcastSummary> filter() {
        BroadcastState state = stateFilter.get();
        LocalDate from = fromDate.get();
        LocalDate to = toDate.get();
        return broadcast -> {
            LocalDate day = LocalDate.ofInstant(broadcast.createdAt(), ZoneId.systemDefault());
            return (state == null || broadcast.state() == state)
                    && (from == null || !day.isBefore(from))
                    && (to == null || !day.isAfter(to));
        };
    }

    /** Reads the history again, keeping the chosen broadcast chosen (its batches may have moved on). */
    public void refresh() {
        work.read(() -> broadcasts.dailyOutcomes(LocalDate.now(), 30, ZoneId.systemDefault()), lastThirtyDays::setAll);
        work.read(broadcasts::all, read -> {
            long chosen = selected.get() == null ? -1 : selected.get().id();
            all.setAll(read);
            BroadcastSummary before = selected.get();
            selected.set(read.stream().filter(broadcast -> broadcast.id() == chosen).findFirst()
                    .orElse(read.isEmpty() ? null : read.get(0)));
            if (before != null && before.equals(selected.get())) {
                // the same broadcast, unchanged: its recipients' statuses may have moved all the same, and who sends it
                recipients.read();
                readWhoSends(before);
            }
            if (work.noticeProperty().get().isEmpty() && read.stream().anyMatch(BroadcastSummary::needsAPerson)) {
                work.tell(Notice.info(bundle.getString("history.interrupted")));
            }
        });
    }

    /**
     * Whether the chosen broadcast waits for its time, and can be taken back: also once more when a
     * take-back stopped before the end (it is CANCELLED at once, and Twilio still holds the rest).
     */
    public boolean canTakeBack() {
        BroadcastSummary broadcast = selected.get();
        Instant now = Instant.now();
        return broadcast != null && (broadcast.waitsForItsTime(now) || unfinishedTakeBacks.contains(broadcast.id())
                && broadcast.schedule() != null && broadcast.schedule().at().isAfter(now));
    }

    /** Takes the chosen broadcast back before its time: nothing of it goes, and Twilio drops what it holds. */
    public void takeBack() {
        if (!canTakeBack()) {
            return;
        }
        long id = selected.get().id();
        work.change(() -> takeBack.cancel(id), cancelled -> {
            if (cancelled.problem() == null) {
                unfinishedTakeBacks.remove(id);
            } else {
                unfinishedTakeBacks.add(id);
            }
            String done = MessageFormat.format(bundle.getString("history.takenBack"), id, cancelled.canceled(),
                    cancelled.tooLate());
            work.tell(cancelled.problem() == null ? Notice.info(done) : new Notice(done + " " + cancelled.problem(), true));
            refresh();
        });
    }

    /** How a broadcast's state reads in the list: SCHEDULED while it waits for its time. */
    public String stateText(BroadcastSummary broadcast) {
        return broadcast.waitsForItsTime(Instant.now()) ? bundle.getString("history.state.scheduled") : broadcast.state().name();
    }

    /** Says that Twilio's log is being read; {@link #checked} then says what it found. */
    public void tellChecking() {
        checking = true;
        work.tell(Notice.info(bundle.getString("history.checking")));
    }

    /** A read of Twilio's log ended: what changed shows, and when a person asked for it, what it found. */
    public void checked(StatusSync.Report report) {
        if (report.changed() > 0 || report.replies() > 0) {
            refresh();
        }
        if (checking) {
            checking = false;
            work.tell(Notice.info(MessageFormat.format(bundle.getString("history.checked"), report.changed(), report.replies(),
                    report.optedOut())));
        }
    }

    /** A read of Twilio's log a person asked for could not be made: why, in words. */
    public void checkFailed(String problem) {
        if (checking) {
            checking = false;
            work.tell(new Notice(MessageFormat.format(bundle.getString("history.checkFailed"), problem), true));
        }
    }

    /** The question before sending an UNCERTAIN message again, with what Twilio's log said. */
    public String sendAgainQuestion(RecipientOutcome recipient) {
        return MessageFormat.format(bundle.getString("history.message.sendAgain.question"), PhoneNumbers.forPeople(recipient.e164()),
                recipient.errorMessage() == null ? "" : recipient.errorMessage());
    }

    public String markSentQuestion(RecipientOutcome recipient) {
        return MessageFormat.format(bundle.getString("history.message.markSent.question"), PhoneNumbers.forPeople(recipient.e164()),
                recipient.errorMessage() == null ? "" : recipient.errorMessage());
    }

    public void sendAgain(RecipientOutcome recipient) {
        long id = selected.get().id();
        work.change(() -> sending.sendAgain(id, recipient.e164()), done -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("history.message.againDone"), PhoneNumbers.forPeople(recipient.e164()))));
            refresh();
        });
    }

    public void markSent(RecipientOutcome recipient) {
        long id = selected.get().id();
        work.change(() -> sending.markSent(id, recipient.e164()), done -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("history.message.markedDone"), PhoneNumbers.forPeople(recipient.e164()))));
            refresh();
        });
    }

    /** What the send dialog confirms to send the chosen broadcast's PENDING batches; empty when there are none. */
    public Optional<Quote> resumeQuote() {
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null || broadcast.pendingRequests() == 0) {
            return Optional.empty();
        }
        return Optional.of(sending.resumeQuote(broadcast));
    }

    /** The question before sending an UNCERTAIN batch again, with what is known of it. */
    public String sendAgainQuestion(Batch batch) {
        return question("history.sendAgain.question", batch);
    }

    public String markSentQuestion(Batch batch) {
        return question("history.markSent.question", batch);
    }

    private String question(String key, Batch batch) {
        return MessageFormat.format(bundle.getString(key), batch.number(), batch.size(),
                batch.sentAt() == null ? "?" : WHEN.format(batch.sentAt()));
    }

    public void sendAgain(Batch batch) {
        work.change(() -> {
            sending.sendAgain(batch);
            return batch;
        }, done -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("history.againDone"), done.number())));
            refresh();
        });
    }

    public void markSent(Batch batch) {
        work.change(() -> {
            sending.markSent(batch);
            return batch;
        }, done -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("history.markedDone"), done.number())));
            refresh();
        });
    }

    /** The broadcasts the filters let through, newest first. */
    public ObservableList<BroadcastSummary> broadcasts() {
        return shown;
    }

    /** Only broadcasts in this state, or all of them when null. */
    public ObjectProperty<BroadcastState> stateFilterProperty() {
        return stateFilter;
    }

    /** Only broadcasts made on this day or later, or from the first when null. */
    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    /** Only broadcasts made on this day or earlier, or up to now when null. */
    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    /** Writes the broadcasts shown, a row per Notify batch or Messaging broadcast, to a CSV for Excel. */
    public void export(Path target) {
        List<BroadcastSummary> chosen = List.copyOf(shown);
        work.change(() -> HistoryExporter.export(chosen, target), rows -> work.tell(Notice.info(
                MessageFormat.format(bundle.getString("history.exported"), rows, target))));
    }

    public ObjectProperty<BroadcastSummary> selectedProperty() {
        return selected;
    }

    /** Recipients per day over the last 30 days, by how their batches ended: the chart above the history. */
    public ObservableList<DailyOutcome> lastThirtyDays() {
        return lastThirtyDays;
    }

    public ObservableList<Batch> batches() {
        return batches;
    }

    /** The chosen broadcast's recipients, replies, and those it did not reach. */
    public RecipientsViewModel recipients() {
        return recipients;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }
}
