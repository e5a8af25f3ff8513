package app.herald.broadcast;

import app.herald.storage.TestDatabases;
import app.herald.TestClock;
import app.herald.contacts.Contacts;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.settings.ChannelKind;
import app.herald.settings.QuietHours;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import app.herald.storage.Database;
import app.herald.twilio.Backoff;
import app.herald.twilio.Channel;
import app.herald.twilio.NotifyChannel;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

/** Planning and the journal on real H2, sending with the real SDK to the simulator. */
class DispatcherTest {

    @TempDir
    Path folder;

    private Database database;
    private TwilioSimulator simulator;
    private Journal journal;
    private final List<Duration> waits = new ArrayList<>();
    private final List<Dispatcher.Progress> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.open(folder.resolve("herald"));
        simulator = TwilioSimulator.start(0, null);
        journal = new Journal(database.jdbi());
    }

    @AfterEach
    void stop() {
        simulator.close();
        database.close();
    }

    private long list(String name, int from, int count) {
        return TestContacts.list(database.jdbi(), name, from, count);
    }

    private long plan(int recipients) {
        return TestBroadcasts.plan(database.jdbi(), "School closes at noon", List.of(list("All", 1, recipients)));
    }

    private Dispatcher dispatcher(Channel channel) {
        return new BatchDispatcher(journal, channel, waits::add, Clock.systemUTC());
    }

    private Channel gateway() {
        return new NotifyChannel(TwilioSimulator.CREDENTIALS, simulator.baseUrl(), Duration.ofSeconds(2));
    }

    private List<String> acceptedNumbers() {
        return simulator.accepted().stream().flatMap(accepted -> accepted.addresses().stream()).toList();
    }

    @Test
    void theSnapshotHasEachNumberOnceWithoutOptOutsInBatchesOfTenThousand() {
        long parents = list("Parents", 1, 15_000);
        long teachers = list("Teachers", 14_001, 11_000);
        new OptOuts(database.jdbi()).add("+14152000007", "STOP", "test");

        long id = TestBroadcasts.plan(database.jdbi(), "Hello", List.of(parents, teachers));

        assertThat(journal.batches(id)).extracting(Batch::size).containsExactly(10_000, 10_000, 4_999);
        assertThat(journal.batches(id)).extracting(Batch::state).containsOnly(SendState.PENDING);
        int counted = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT recipient_count FROM broadcast WHERE id = :id").bind("id", id).mapTo(Integer.class).one());
        assertThat(counted).isEqualTo(24_999);
        RecipientLists lists = new RecipientLists(database.jdbi());
        lists.rename(lists.find("Teachers").orElseThrow(), "Former teachers");
        assertThat(new Broadcasts(database.jdbi()).find(id).orElseThrow().lists()).as("the names they had when sent")
                .isEqualTo("Parents, Teachers");
    }

    @Test
    void everyBatchIsAcceptedOnceWithItsSid() throws Exception {
        long id = plan(25_000);

        BroadcastState state = dispatcher(gateway()).run(id, progress::add);

        assertThat(state).isEqualTo(BroadcastState.FINISHED);
        assertThat(journal.batches(id)).allSatisfy(batch -> {
            assertThat(batch.state()).isEqualTo(SendState.ACCEPTED);
            assertThat(batch.sid()).startsWith("NT");
            assertThat(batch.attempts()).isEqualTo(1);
        });
        assertThat(acceptedNumbers()).hasSize(25_000).doesNotHaveDuplicates();
        assertThat(progress).last().satisfies(last -> assertThat(last.recipientsAccepted()).isEqualTo(25_000));
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-12-24T07:00:00Z"));

    /** A broadcast of 15,000 to go at 08:00 UTC, an hour after {@link #clock} starts. */
    private long heldBroadcast(Schedule nine) {
        long id = TestBroadcasts.plan(database.jdbi(), "Carols at nine", List.of(list("All", 1, 15_000)));
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE broadcast SET send_at = :at, send_zone = :zone WHERE id = :id")
                .bind("at", Timestamp.from(nine.at())).bind("zone", nine.zone().getId()).bind("id", id).execute());
        return id;
    }

    /** A dispatcher whose sleeps move {@link #clock} on. */
    private BatchDispatcher holdingDispatcher() {
        return new BatchDispatcher(journal, gateway(), clock::advance, clock);
    }

    /** Notify cannot hold messages: given a time, Herald holds the batches until then, on a clock the sleeps move. */
    @Test
    void aNotifyBroadcastGivenATimeIsHeldUntilThenAndAPauseMeanwhileSendsNothing() throws Exception {
        Instant start = clock.instant();
        Schedule nine = new Schedule(Instant.parse("2026-12-24T08:00:00Z"), ZoneId.of("Europe/Berlin"));
        long id = heldBroadcast(nine);

        BatchDispatcher pausedMeanwhile = holdingDispatcher();
        Dispatcher.Listener pauseAtOnce = progress -> pausedMeanwhile.pause();
        assertThat(pausedMeanwhile.run(id, pauseAtOnce)).isEqualTo(BroadcastState.PAUSED);
        assertThat(simulator.accepted()).isEmpty();
        assertThat(clock.instant()).as("paused before the first wait").isEqualTo(start);

        List<Instant> sentAt = new ArrayList<>();
        assertThat(holdingDispatcher().run(id, progress -> sentAt.add(clock.instant()))).isEqualTo(BroadcastState.FINISHED);
        assertThat(acceptedNumbers()).hasSize(15_000);
        assertThat(sentAt.get(0)).as("the hold is said before it begins").isEqualTo(start);
        assertThat(sentAt.subList(1, sentAt.size())).allSatisfy(at -> assertThat(at).isEqualTo(nine.at()));
    }

    /**
     * Quiet hours through Notify: a batch holds numbers of one set of zones, and Herald holds each
     * until its hours begin there; given 13:00 UTC tomorrow, New York (08:00 or 09:00) goes then, San
     * Francisco at 08:00 its time, Alaska's numbers (Anchorage and Adak) at 08:00 on Adak.
     */
    @Test
    void quietHoursThroughNotifyHoldEachZonesBatchUntilItsMorning() throws Exception {
        long list = list("Everyone", 1, 40);
        Contacts contacts = new Contacts(database.jdbi());
        for (int i = 0; i < 30; i++) {
            contacts.add(list, String.format("+1212555%04d", i), "New York " + i);
        }
        for (int i = 0; i < 20; i++) {
            contacts.add(list, String.format("+1907999%04d", i), "Alaska " + i);
        }
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Instant thirteen = tomorrow.atTime(13, 0).toInstant(ZoneOffset.UTC);
        long id;
        try (TwilioConnections notify = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            BroadcastService service = TestBroadcasts.service(database.jdbi(), notify);
            // given the time it goes (tomorrow), the zones' order does not hang on the hour this test runs at
            id = service.start(service.quote("Snow day: school is closed", List.of(list), false)
                    .at(new Schedule(thirteen, ZoneId.of("America/New_York")))
                    .within(new QuietRule(QuietHours.US_RULE, ZoneId.of("America/Los_Angeles"))));
        }
        assertThat(journal.batches(id)).extracting(Batch::size).as("one batch per set of zones").containsExactly(30, 40, 20);
        TestClock morning = new TestClock(thirteen);
        Map<Integer, Instant> sentAt = new HashMap<>();

        BatchDispatcher dispatcher = new BatchDispatcher(journal, gateway(), morning::advance, morning);
        assertThat(dispatcher.run(id, progress -> {
            if (progress.lastEvent().matches("Batch \\d accepted.*")) {
                sentAt.put(Character.getNumericValue(progress.lastEvent().charAt(6)), morning.instant());
            }
        })).isEqualTo(BroadcastState.FINISHED);

        assertThat(sentAt).containsExactlyInAnyOrderEntriesOf(Map.of(1, thirteen,
                2, tomorrow.atTime(8, 0).atZone(ZoneId.of("America/Los_Angeles")).toInstant(),
                3, tomorrow.atTime(8, 0).atZone(ZoneId.of("America/Adak")).toInstant()));
        assertThat(acceptedNumbers()).hasSize(90).doesNotHaveDuplicates();
    }

    /** Taken back in History (another thread) while Herald holds it: it ends CANCELLED, nothing sent. */
    @Test
    void aHeldNotifyBroadcastTakenBackMeanwhileSendsNothing() throws Exception {
        long id = heldBroadcast(new Schedule(Instant.parse("2026-12-24T08:00:00Z"), ZoneId.of("Europe/Berlin")));
        Dispatcher.Listener takenBackInHistory = progress -> journal.setState(id, BroadcastState.CANCELLED);

        assertThat(holdingDispatcher().run(id, takenBackInHistory)).isEqualTo(BroadcastState.CANCELLED);
        assertThat(simulator.accepted()).isEmpty();
    }

    @Test
    void aRateLimitWaitsAsAskedAndSendsTheBatchAgainOnce() throws Exception {
        long id = plan(15_000);
        simulator.failNext(Fault.RATE_LIMIT, 1);

        dispatcher(gateway()).run(id, progress::add);

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(journal.batches(id)).extracting(Batch::state).containsOnly(SendState.ACCEPTED);
        assertThat(journal.batches(id).get(0).attempts()).isEqualTo(2);
        assertThat(simulator.notificationRequests()).isEqualTo(3);
        assertThat(acceptedNumbers()).hasSize(15_000).doesNotHaveDuplicates();
    }

    @Test
    void aRunOfRateLimitsPausesAndSaysSoWithoutPromisingToWait() throws Exception {
        long id = plan(15_000);
        simulator.failNext(Fault.RATE_LIMIT, Backoff.MOST_IN_A_ROW);

        assertThat(dispatcher(gateway()).run(id, progress::add)).isEqualTo(BroadcastState.PAUSED);

        assertThat(progress).last().extracting(Dispatcher.Progress::lastEvent).asString()
                .startsWith("Paused after 5 tries in a row that Twilio did not take. Resume to try again. The last: Twilio asked")
                .doesNotContain("waits and tries again");
        assertThat(journal.batches(id)).extracting(Batch::state).containsOnly(SendState.PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "NO_CONTENT", "EMPTY_CREATED"})
    void anUncertainBatchIsNeverSentAgainByItself(Fault fault) throws Exception {
        long id = plan(15_000);
        simulator.failNext(fault, 1);

        BroadcastState state = dispatcher(gateway()).run(id, progress::add);

        assertThat(state).as("not left SENDING").isEqualTo(BroadcastState.FINISHED);
        assertThat(journal.batches(id)).extracting(Batch::state).containsExactly(SendState.UNCERTAIN, SendState.ACCEPTED);
        if (fault != Fault.SERVER_ERROR) {
            assertThat(journal.batches(id).get(0).errorMessage()).as("the answer came, but was unusable")
                    .startsWith("Twilio's answer (HTTP ").doesNotContain("No answer");
        }
        assertThat(simulator.notificationRequests()).isEqualTo(2);
        assertThat(dispatcher(gateway()).run(id, progress::add)).isEqualTo(BroadcastState.FINISHED);
        assertThat(simulator.notificationRequests()).as("resuming sends nothing uncertain").isEqualTo(2);
    }

    @Test
    void wrongSettingsPauseWithTheBatchPendingAndResumeSendsTheRest() throws Exception {
        long id = plan(15_000);
        Channel wrongToken = new NotifyChannel(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, "wrong", TwilioSimulator.SERVICE_SID), simulator.baseUrl(), Duration.ofSeconds(2));

        assertThat(dispatcher(wrongToken).run(id, progress::add)).isEqualTo(BroadcastState.PAUSED);
        assertThat(journal.batches(id)).extracting(Batch::state).containsOnly(SendState.PENDING);
        assertThat(journal.batches(id).get(0).errorCode()).isEqualTo(20003);
        assertThat(progress).last().satisfies(last -> assertThat(last.lastEvent()).contains("Auth Token"));

        assertThat(dispatcher(gateway()).run(id, progress::add)).isEqualTo(BroadcastState.FINISHED);
        assertThat(acceptedNumbers()).hasSize(15_000).doesNotHaveDuplicates();
    }

    @Test
    void aBatchLeftInFlightByACrashIsUncertainAtTheNextStart() throws Exception {
        long id = plan(15_000);
        journal.inFlight(id, 1);

        assertThat(journal.recoverInterrupted()).isEqualTo(1);
        dispatcher(gateway()).run(id, progress::add);

        assertThat(journal.batches(id)).extracting(Batch::state).containsExactly(SendState.UNCERTAIN, SendState.ACCEPTED);
        assertThat(acceptedNumbers()).hasSize(5_000);
    }

    @Test
    void pauseAndCancelTakeEffectBetweenBatches() throws Exception {
        long id = plan(25_000);
        Dispatcher dispatcher = dispatcher(gateway());

        assertThat(dispatcher.run(id, step -> dispatcher.pause())).isEqualTo(BroadcastState.PAUSED);
        assertThat(journal.batches(id)).extracting(Batch::state)
                .containsExactly(SendState.ACCEPTED, SendState.PENDING, SendState.PENDING);

        Dispatcher second = dispatcher(gateway());
        assertThat(second.run(id, step -> second.cancel())).isEqualTo(BroadcastState.CANCELLED);
        assertThat(journal.batches(id)).extracting(Batch::state)
                .containsExactly(SendState.ACCEPTED, SendState.ACCEPTED, SendState.PENDING);
    }

    @Test
    void theLargestRequestABatchCanMakeStaysUnderNotifysOneMegabyte() {
        String longestBinding = "{\"binding_type\":\"sms\",\"address\":\"+123456789012345\"}";
        String body = "\uD83D\uDE00".repeat(1_600);
        long bytes = "Body=".length() + URLEncoder.encode(body, StandardCharsets.UTF_8).length()
                + (long) NotifyChannel.MAX_BINDINGS * ("&ToBinding=".length()
                        + URLEncoder.encode(longestBinding, StandardCharsets.UTF_8).length());

        assertThat(bytes).isLessThan(1024 * 1024);
    }
}
