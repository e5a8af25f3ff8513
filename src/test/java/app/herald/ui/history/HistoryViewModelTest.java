package app.herald.ui.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.DailyOutcome;
import app.herald.broadcast.Journal;
import app.herald.broadcast.Quote;
import app.herald.broadcast.SendState;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.delivery.NotReached;
import app.herald.delivery.Replies;
import app.herald.delivery.ScheduledBroadcasts;
import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.ui.common.SameThreadTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history without a Stage: a broadcast left with an uncertain batch, and what a person can do about it. */
class HistoryViewModelTest {

    @TempDir
    Path folder;

    private Database database;
    private TwilioConnections twilio;
    private Journal journal;
    private HistoryViewModel viewModel;
    private long broadcast;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("herald"));
        journal = new Journal(database.jdbi());
        long list = TestContacts.list(database.jdbi(), "Parents", 12_000);
        broadcast = TestBroadcasts.plan(database.jdbi(), "Hello", List.of(list));
        // the first batch left on its way by a crash, the second never sent
        journal.inFlight(broadcast, 1);
        journal.recoverInterrupted();
        twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of());
        viewModel = new HistoryViewModel(new Broadcasts(database.jdbi()), new BroadcastRecipients(database.jdbi()),
                new Replies(database.jdbi()), new NotReached(database.jdbi(), new RecipientLists(database.jdbi())),
                TestBroadcasts.service(database.jdbi(), twilio),
                id -> new ScheduledBroadcasts(database.jdbi(), duration -> { }).cancel(twilio.current(), id, done -> { }),
                SameThreadTasks.create(), ResourceBundle.getBundle("app.herald.ui.messages"));
        viewModel.refresh();
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
    }

    private Batch batch(int number) {
        return viewModel.batches().get(number - 1);
    }

    @Test
    void anInterruptedBroadcastIsPointedOutAndItsPendingBatchesCanBeResumed() {
        assertThat(viewModel.noticeProperty().get().text()).startsWith("A broadcast has batches not sent yet");
        assertThat(viewModel.batches()).extracting(Batch::state).containsExactly(SendState.UNCERTAIN, SendState.PENDING);

        Quote plan = viewModel.resumeQuote().orElseThrow();

        assertThat(plan.broadcastId()).isEqualTo(broadcast);
        assertThat(plan.mode()).isEqualTo(Mode.SIMULATION);
        assertThat(plan.recipients()).isEqualTo(2_000);
        assertThat(plan.requests()).isEqualTo(1);
    }

    @Test
    void anUncertainBatchGoesAgainOnlyWhenAPersonSaysSo() {
        assertThat(viewModel.sendAgainQuestion(batch(1))).startsWith("Batch 1 (10,000 recipients) went to Twilio at")
                .contains("twice");

        viewModel.sendAgain(batch(1));

        assertThat(viewModel.batches()).extracting(Batch::state).containsExactly(SendState.PENDING, SendState.PENDING);
        assertThat(viewModel.resumeQuote().orElseThrow().recipients()).isEqualTo(12_000);
    }

    @Test
    void anUncertainBatchMarkedAsSentIsNeverSent() {
        viewModel.markSent(batch(1));

        assertThat(viewModel.batches()).extracting(Batch::state).containsExactly(SendState.MARKED_SENT, SendState.PENDING);
        assertThat(viewModel.noticeProperty().get().text()).isEqualTo("Batch 1 is marked as sent.");
        assertThat(journal.nextPending(broadcast)).contains(2);
        assertThatThrownBy(() -> journal.markSent(broadcast, 2)).as("only an uncertain batch can be marked")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStateAndDateFiltersAndTheExportFollowWhatIsShown() throws Exception {
        viewModel.stateFilterProperty().set(BroadcastState.FINISHED);
        assertThat(viewModel.broadcasts()).isEmpty();
        viewModel.stateFilterProperty().set(null);
        assertThat(viewModel.broadcasts()).hasSize(1);
        LocalDate today = LocalDate.now();
        viewModel.fromDateProperty().set(today.plusDays(1));
        assertThat(viewModel.broadcasts()).as("made today, not tomorrow or later").isEmpty();
        viewModel.fromDateProperty().set(today);
        viewModel.toDateProperty().set(today.minusDays(1));
        assertThat(viewModel.broadcasts()).as("made today, not yesterday or before").isEmpty();
        viewModel.toDateProperty().set(today);
        assertThat(viewModel.broadcasts()).as("both ends count").hasSize(1);

        Path target = folder.resolve("history.csv");
        viewModel.export(target);

        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\uFEFFbroadcast,created,mode,state");
        assertThat(lines.get(1)).contains(",UNCERTAIN,");
        assertThat(viewModel.noticeProperty().get().text()).startsWith("Wrote 2 rows to");
    }

    @Test
    void theChartCountsRecipientsPerDayByOutcome() {
        assertThat(viewModel.lastThirtyDays()).hasSize(30);
        DailyOutcome today = viewModel.lastThirtyDays().get(29);
        assertThat(today.day()).isEqualTo(LocalDate.now());
        assertThat(today.uncertain()).isEqualTo(10_000);
        assertThat(today.accepted()).isZero();

        viewModel.markSent(batch(1));

        assertThat(viewModel.lastThirtyDays().get(29).accepted()).as("marked as sent counts as sent").isEqualTo(10_000);
        assertThat(viewModel.lastThirtyDays().subList(0, 29)).allSatisfy(day ->
                assertThat(day.accepted() + day.failed() + day.uncertain()).isZero());
    }
}
