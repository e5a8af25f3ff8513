package app.herald.ui.send;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.Journal;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.TestContacts;
import app.herald.settings.Mode;
import app.herald.settings.ChannelKind;
import app.herald.settings.QuietHours;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioSettings;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import app.herald.ui.common.SameThreadTasks;
import app.herald.ui.common.Tasks;
import app.herald.ui.send.SendViewModel.Phase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A send from confirmation to outcome, without a Stage: real H2, the embedded simulator, work in the test's thread. */
class SendViewModelTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.herald.ui.messages");

    @TempDir
    Path folder;

    private Database database;
    private long list;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("herald"));
        list = TestContacts.list(database.jdbi(), "Parents", 12_000);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SendViewModel viewModel(TwilioConnections twilio) {
        return viewModel(twilio, Runnable::run);
    }

    private SendViewModel viewModel(TwilioConnections twilio, Executor sender) {
        return viewModel(twilio, sender, Optional.empty());
    }

    private SendViewModel viewModel(TwilioConnections twilio, Executor sender, Optional<String> ownNumber) {
        BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        return new SendViewModel(broadcasts.quote("School closes at noon", List.of(list), false), () -> ownNumber, Optional.empty(), broadcasts,
                SameThreadTasks.create(), sender, Runnable::run, System::nanoTime, BUNDLE);
    }

    /** Quiet hours from Settings: the confirmation counts who waits for their morning, at the time picked. */
    @Test
    void quietHoursCountWhoWaitsForTheirMorningAtTheTimePicked() {
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.MESSAGES), Map.of())) {
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), simulation);
            SendViewModel viewModel = new SendViewModel(broadcasts.quote("Picture day", List.of(list), false),
                    Optional::empty, Optional.of(QuietHours.US_RULE), broadcasts, SameThreadTasks.create(), Runnable::run,
                    Runnable::run, System::nanoTime, BUNDLE);
            assertThat(viewModel.quietNoteProperty().get()).startsWith("Quiet hours 08:00-21:00 in each recipient's time:");

            // San Francisco numbers: at noon there every one goes at the time picked
            viewModel.sendLaterProperty().set(true);
            viewModel.laterZoneProperty().set("America/Los_Angeles");
            viewModel.laterDateProperty().set(LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(2));
            viewModel.laterTimeProperty().set("12:00");
            assertThat(viewModel.quietNoteProperty().get()).contains("12,000 go at the time chosen, 0 wait");

            // at six in the morning there every one waits until eight
            viewModel.laterTimeProperty().set("6:00");
            assertThat(viewModel.quietNoteProperty().get()).contains("0 go at the time chosen, 12,000 wait for their morning")
                    .contains("08:00 (America/Los_Angeles)");
        }
    }

    /** Through Notify the quiet hours hold whole batches, and the confirmation says Herald holds them. */
    @Test
    void quietHoursThroughNotifySayThatHeraldHoldsTheBatches() {
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), simulation);
            SendViewModel viewModel = new SendViewModel(broadcasts.quote("Picture day", List.of(list), false),
                    Optional::empty, Optional.of(QuietHours.US_RULE), broadcasts, SameThreadTasks.create(), Runnable::run,
                    Runnable::run, System::nanoTime, BUNDLE);

            viewModel.sendLaterProperty().set(true);
            viewModel.laterZoneProperty().set("America/Los_Angeles");
            viewModel.laterDateProperty().set(LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(2));
            viewModel.laterTimeProperty().set("6:00");

            assertThat(viewModel.quietNoteProperty().get()).contains("12,000 wait for their morning")
                    .endsWith("Herald holds the batches of those numbers and sends each when its hours begin, while it is running.");
        }
    }

    /** Each person's own text, one at a time; a test to one's own number sends the one shown. */
    @Test
    void aPersonalMessageIsPreviewedPersonByPersonAndTheTestSendsTheOneShown() throws Exception {
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null);
             TwilioConnections twilio = TestBroadcasts.throughMessagingService(simulator)) {
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
            SendViewModel viewModel = new SendViewModel(broadcasts.quote("Hello {name|friend}", List.of(list), false),
                    () -> Optional.of("+14155550100"), Optional.empty(), broadcasts, SameThreadTasks.create(), Runnable::run,
                    Runnable::run, System::nanoTime, BUNDLE);

            assertThat(viewModel.previewable()).isEqualTo(25);
            assertThat(viewModel.previewText()).isEqualTo("Hello Person 1");
            assertThat(viewModel.previewedSample().e164()).isEqualTo("+14152000001");
            viewModel.previewNext();
            assertThat(viewModel.previewText()).isEqualTo("Hello Person 2");
            viewModel.previewPrevious();
            viewModel.previewPrevious();
            assertThat(viewModel.previewText()).as("from the first, back to the last shown").isEqualTo("Hello Person 25");

            viewModel.sendTest();

            assertThat(simulator.messages()).singleElement().satisfies(message -> {
                assertThat(message.to()).isEqualTo("+14155550100");
                assertThat(message.body()).isEqualTo("Hello Person 25");
            });
        }
    }

    @Test
    void theTimeLeftIsUnknownUntilABatchHasEndedAndNoneWhenDone() {
        List<Runnable> queued = new ArrayList<>();
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            SendViewModel viewModel = viewModel(simulation, queued::add);
            viewModel.send();
            viewModel.sampleProgress();
            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SENDING);
            assertThat(viewModel.remainingSecondsProperty().get()).isEqualTo(-1);

            queued.remove(0).run();

            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.DONE);
            assertThat(viewModel.remainingSecondsProperty().get()).isZero();
        }
    }

    @Test
    void aSendShorterThanASecondShowsItsPaceNotZero() {
        AtomicLong nanos = new AtomicLong();
        LongSupplier millisecondEachLook = () -> nanos.addAndGet(1_000_000);
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.MESSAGES), Map.of())) {
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), simulation);
            SendViewModel viewModel = new SendViewModel(broadcasts.quote("School closes at noon", List.of(list), false),
                    Optional::empty, Optional.empty(), broadcasts, SameThreadTasks.create(), Runnable::run, Runnable::run,
                    millisecondEachLook, BUNDLE);

            viewModel.send();

            assertThat(viewModel.endedProperty().get()).isEqualTo(12_000);
            long looks = nanos.get() / 1_000_000;
            assertThat(looks).as("the clock was read a few times, not per message").isLessThan(100);
            assertThat(viewModel.perSecondProperty().get()).as("12,000 in under 0.1 s of this clock")
                    .isGreaterThan(12_000 * 10);
        }
    }

    @Test
    void aSimulatedSendEndsWithEveryBatchAcceptedAndItsSidShown() {
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            SendViewModel viewModel = viewModel(simulation);
            assertThat(viewModel.mode()).isEqualTo(Mode.SIMULATION);
            assertThat(viewModel.canSendBinding().get()).as("SIMULATION needs no extra step").isTrue();

            viewModel.send();

            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.DONE);
            assertThat(viewModel.outcomeProperty().get()).isEqualTo(BroadcastState.FINISHED);
            assertThat(viewModel.acceptedProperty().get()).isEqualTo(12_000);
            assertThat(viewModel.endedProperty().get()).isEqualTo(2);
            assertThat(viewModel.events()).filteredOn(event -> event.matches("Batch \\d accepted: NT[0-9a-f]{32}")).hasSize(2);
            List<Batch> batches = new Journal(database.jdbi()).batches(1);
            assertThat(batches).extracting(Batch::state).containsOnly(SendState.ACCEPTED);
        }
    }

    @Test
    void aLiveSendWaitsForTheDeliberateExtraStep() throws Exception {
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null);
             TwilioConnections live = liveThrough(simulator)) {
            SendViewModel viewModel = viewModel(live);

            viewModel.send();
            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONFIRM);
            assertThat(simulator.notificationRequests()).isZero();

            viewModel.liveConfirmedProperty().set(true);
            viewModel.send();
            assertThat(viewModel.outcomeProperty().get()).isEqualTo(BroadcastState.FINISHED);
            assertThat(simulator.accepted()).hasSize(2);
        }
    }

    @Test
    void whilePreparingTheRecipientsNothingCanBePausedAndTheBarWaits() {
        List<Runnable> work = new ArrayList<>();
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), simulation);
            SendViewModel viewModel = new SendViewModel(broadcasts.quote("School closes at noon", List.of(list), false),
                    Optional::empty, Optional.empty(), broadcasts, new Tasks(work::add, Runnable::run), work::add, Runnable::run,
                    System::nanoTime, BUNDLE);

            viewModel.send();
            assertThat(viewModel.preparingProperty().get()).isTrue();
            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SENDING);

            work.remove(0).run();
            assertThat(viewModel.preparingProperty().get()).as("planned; the batches wait for the sender").isFalse();
            work.remove(0).run();
            assertThat(viewModel.outcomeProperty().get()).isEqualTo(BroadcastState.FINISHED);
        }
    }

    @Test
    void aTestGoesToTheOwnNumberAloneAndMakesNoBroadcast() throws Exception {
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null);
             TwilioConnections live = liveThrough(simulator)) {
            SendViewModel viewModel = viewModel(live, Runnable::run, Optional.of("+14155550100"));

            viewModel.sendTest();

            assertThat(simulator.accepted()).singleElement().satisfies(test -> {
                assertThat(test.addresses()).containsExactly("+14155550100");
                assertThat(test.body()).isEqualTo("School closes at noon");
            });
            assertThat(viewModel.noticeProperty().get().text())
                    .startsWith("A test went to your number +1 415-555-0100 (NT").contains(simulator.accepted().get(0).sid());
            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.CONFIRM);
            assertThat(new Broadcasts(database.jdbi()).all()).as("a test is not a broadcast").isEmpty();
            assertThat(viewModel.testingProperty().get()).isFalse();
        }
    }

    @Test
    void withoutAnOwnNumberTheTestSaysWhereToSetIt() {
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            SendViewModel viewModel = viewModel(simulation);

            viewModel.sendTest();

            assertThat(viewModel.noticeProperty().get().problem()).isTrue();
            assertThat(viewModel.noticeProperty().get().text()).contains("in Settings");
        }
    }

    @Test
    void aPausedSendResumesFromTheDialogAndCountsTheWholeBroadcast() {
        List<Runnable> queued = new ArrayList<>();
        try (TwilioConnections simulation = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            SendViewModel viewModel = viewModel(simulation, queued::add);
            viewModel.send();
            viewModel.pause();
            queued.remove(0).run();
            assertThat(viewModel.outcomeProperty().get()).isEqualTo(BroadcastState.PAUSED);
            assertThat(viewModel.acceptedProperty().get()).isZero();

            viewModel.resume();
            assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SENDING);
            assertThat(viewModel.outcomeProperty().get()).isNull();
            queued.remove(0).run();

            assertThat(viewModel.outcomeProperty().get()).isEqualTo(BroadcastState.FINISHED);
            assertThat(viewModel.acceptedProperty().get()).isEqualTo(12_000);
            assertThat(viewModel.endedProperty().get()).isEqualTo(viewModel.totalProperty().get()).isEqualTo(2);
        }
    }

    /** LIVE, as when the environment names credentials, but to the simulator at HERALD_TWILIO_BASE_URL. */
    static TwilioConnections liveThrough(TwilioSimulator simulator) {
        Map<String, String> environment = Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN, "TWILIO_NOTIFY_SERVICE_SID", TwilioSimulator.SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString());
        return new TwilioConnections(TwilioChoice.resolve(environment, TwilioSettings.NONE, Optional.empty()), environment);
    }
}
