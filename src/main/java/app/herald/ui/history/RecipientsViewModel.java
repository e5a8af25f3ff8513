package app.herald.ui.history;

import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Quote;
import app.herald.broadcast.RecipientFilter;
import app.herald.broadcast.RecipientOutcome;
import app.herald.broadcast.RecipientsExporter;
import app.herald.delivery.BroadcastReply;
import app.herald.delivery.NotReached;
import app.herald.delivery.Replies;
import app.herald.settings.ChannelKind;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chosen broadcast's recipients with how each message stands (Twilio's status and, when it did
 * not arrive, why), found by number or name and filtered by status; its replies; and what can be
 * done for those who did not get it: save them as a list, or send to them again.
 */
public final class RecipientsViewModel {

    /** Recipients shown at once; a search narrows a million down to these. */
    static final int RECIPIENTS_SHOWN = 500;

    private final ReadOnlyObjectProperty<BroadcastSummary> selected;
    private final BroadcastRecipients recipientsOf;
    private final Replies repliesOf;
    private final NotReached notReached;
    private final BroadcastService sending;
    private final ScreenWork work;
    private final ResourceBundle bundle;

    private final ObservableList<RecipientOutcome> recipients = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<RecipientFilter> filter = new SimpleObjectProperty<>(RecipientFilter.ALL);
    private final ObservableList<BroadcastReply> replies = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper notReachedCount = new ReadOnlyLongWrapper();

    RecipientsViewModel(ReadOnlyObjectProperty<BroadcastSummary> selected, BroadcastRecipients recipientsOf, Replies repliesOf,
            NotReached notReached, BroadcastService sending, ScreenWork work, ResourceBundle bundle) {
        this.selected = Objects.requireNonNull(selected);
        this.recipientsOf = Objects.requireNonNull(recipientsOf);
        this.repliesOf = Objects.requireNonNull(repliesOf);
        this.notReached = Objects.requireNonNull(notReached);
        this.sending = Objects.requireNonNull(sending);
        this.work = Objects.requireNonNull(work);
        this.bundle = Objects.requireNonNull(bundle);
        selected.addListener((observable, previous, broadcast) -> read());
        search.addListener((observable, previous, text) -> readRecipients());
        filter.addListener((observable, previous, chosen) -> readRecipients());
    }

    /** Reads the chosen broadcast's recipients, replies and those not reached again. */
    void read() {
        readRecipients();
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null) {
            replies.clear();
            notReachedCount.set(0);
            return;
        }
        work.read(() -> repliesOf.of(broadcast.id()), replies::setAll);
        work.read(() -> notReached.count(broadcast.id()), notReachedCount::set);
    }

    /** The first {@link #RECIPIENTS_SHOWN} that the search (a name, or digits) and the filter let through. */
    private void readRecipients() {
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null) {
            recipients.clear();
            return;
        }
        String text = search.get();
        RecipientFilter chosen = filter.get() == null ? RecipientFilter.ALL : filter.get();
        work.read(() -> recipientsOf.page(broadcast.id(), null, text, chosen, RECIPIENTS_SHOWN), recipients::setAll);
    }

    /** How the chosen broadcast's messages stand, in words: "2,498 accepted · 1 refused · …" (through a Messaging Service). */
    public String summary() {
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null || broadcast.channel() != ChannelKind.MESSAGES) {
            return "";
        }
        return MessageFormat.format(bundle.getString("history.recipients.summary"), broadcast.accepted(), broadcast.failed(),
                broadcast.uncertain(), broadcast.markedSent(), broadcast.pendingRecipients());
    }

    /** Writes the recipients the search and filter let through, all of them, to a CSV for Excel. */
    public void export(Path target) {
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null) {
            return;
        }
        String text = search.get();
        RecipientFilter chosen = filter.get();
        work.change(() -> new RecipientsExporter(recipientsOf).export(broadcast.id(), text, chosen, target),
                rows -> work.tell(Notice.info(MessageFormat.format(bundle.getString("history.recipients.exported"), rows, target))));
    }

    /** The name "Save them as a list" suggests. */
    public String suggestedListName() {
        BroadcastSummary broadcast = selected.get();
        return broadcast == null ? "" : notReached.freeName(broadcast.id());
    }

    /** Saves those who did not get the chosen broadcast (never the opted-out) as a new list of this name. */
    public void saveNotReached(String listName) {
        long id = selected.get().id();
        work.change(() -> notReached.saveAsList(id, listName), list -> work.tell(Notice.info(MessageFormat.format(
                bundle.getString("history.notReached.saved"), list.contacts(), list.name()))));
    }

    /**
     * Saves those who did not get it as a list of their own, and hands {@code send} the quote of the
     * same message to that list: the usual confirmation, with exactly those recipients.
     */
    public void sendAgainToNotReached(Consumer<Quote> send) {
        BroadcastSummary broadcast = selected.get();
        if (broadcast == null) {
            return;
        }
        work.change(() -> {
            var list = notReached.saveAsList(broadcast.id(), notReached.freeName(broadcast.id()));
            return sending.quote(broadcast.body(), List.of(list.id()), false);
        }, send);
    }

    public ObservableList<RecipientOutcome> recipients() {
        return recipients;
    }

    /** Part of a recipient's name, or digits their number holds in any position; blank shows the first ones. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<RecipientFilter> filterProperty() {
        return filter;
    }

    /** The chosen broadcast's replies, newest first. */
    public ObservableList<BroadcastReply> replies() {
        return replies;
    }

    /** How many did not get the chosen broadcast (undelivered or failed) and have not opted out. */
    public ReadOnlyLongProperty notReachedCountProperty() {
        return notReachedCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BroadcastSummary> selectedProperty() {
        return selected;
    }
}
