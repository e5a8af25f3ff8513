package app.herald.broadcast;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.OptOut;
import app.herald.contacts.OptOuts;
import app.herald.contacts.TestContacts;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import app.herald.storage.Database;
import app.herald.storage.LeaseLostException;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Messaging channel's journal and dispatcher on real H2 and the simulator, through the real
 * SDK: one message per recipient, never two, whatever Twilio answers.
 */
class MessageDispatcherTest {

    private static final int RECIPIENTS = 2_500;

    @TempDir
    Path folder;

    private Database database;
    private TwilioSimulator simulator;
    private TwilioConnections twilio;
    private BroadcastService broadcasts;
    private long everyone;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabases.open(folder.resolve("herald"));
        simulator = TwilioSimulator.start(0, null);
        twilio = connections(TwilioSimulator.MESSAGING_CREDENTIALS);
        broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        everyone = TestContacts.list(database.jdbi(), "Everyone", RECIPIENTS);
    }

    private TwilioConnections connections(TwilioCredentials credentials) {
        return new TwilioConnections(TwilioChoice.live(credentials, false),
                Map.of("HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString()));
    }

    @AfterEach
    void close() {
        twilio.close();
        simulator.close();
        database.close();
    }

    private long start(String body) {
        Quote quote = broadcasts.quote(body, List.of(everyone), false);
        assertThat(quote.channel()).isEqualTo(ChannelKind.MESSAGES);
        assertThat(quote.requests()).isEqualTo(quote.recipients());
        return broadcasts.start(quote);
    }

    private List<RecipientOutcome> recipients(long id) {
        return new BroadcastRecipients(database.jdbi()).page(id, null, "", 1_000_000);
    }

    private static CompletableFuture<BroadcastState> inTheBackground(Sending sending) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sending.run(progress -> { });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<String, Long> createsPerNumber() {
        return simulator.messages().stream().collect(Collectors.groupingBy(TwilioSimulator.Message::to, Collectors.counting()));
    }

    @Test
    void everyRecipientGetsOneMessageAndKeepsItsSid() throws Exception {
        long id = start("School closes at noon");
        List<Dispatcher.Progress> progress = Collections.synchronizedList(new ArrayList<>());

        assertThat(broadcasts.sending(id).run(progress::add)).isEqualTo(BroadcastState.FINISHED);

        assertThat(simulator.messageRequests()).isEqualTo(RECIPIENTS);
        assertThat(createsPerNumber()).hasSize(RECIPIENTS).allSatisfy((number, creates) -> assertThat(creates).isEqualTo(1));
        Map<String, String> sent = simulator.messages().stream()
                .collect(Collectors.toMap(TwilioSimulator.Message::to, TwilioSimulator.Message::sid));
        assertThat(recipients(id)).hasSize(RECIPIENTS).allSatisfy(recipient -> {
            assertThat(recipient.state()).isEqualTo(SendState.ACCEPTED);
            assertThat(recipient.sid()).isEqualTo(sent.get(recipient.e164()));
        });
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.channel()).isEqualTo(ChannelKind.MESSAGES);
        assertThat(summary.accepted()).isEqualTo(RECIPIENTS);
        assertThat(summary.pendingRecipients()).isZero();
        assertThat(summary.needsAPerson()).isFalse();
        assertThat(summary.batches()).as("no Notify batches").isEmpty();
        Path history = folder.resolve("history.csv");
        assertThat(HistoryExporter.export(List.of(summary), history)).as("a row of its own, not none").isEqualTo(1);
        assertThat(Files.readAllLines(history).get(1)).endsWith(",messages," + RECIPIENTS + ",0,0,0,0,0");
        Dispatcher.Progress last = progress.get(progress.size() - 1);
        assertThat(last.ended()).isEqualTo(RECIPIENTS);
        assertThat(last.total()).isEqualTo(RECIPIENTS);
        assertThat(last.recipientsAccepted()).isEqualTo(RECIPIENTS);
        assertThat(progress).as("sampled a group at a time, not per recipient").hasSizeLessThan(10);
        BroadcastRecipients reader = new BroadcastRecipients(database.jdbi());
        assertThat(reader.page(id, null, "person 1234", 10)).as("by name, case aside").extracting(RecipientOutcome::e164)
                .containsExactly("+14152001234");
        assertThat(reader.page(id, null, "(415) 200-1234", 10)).as("by the number as typed")
                .extracting(RecipientOutcome::name).containsExactly("Person 1234");
        List<RecipientOutcome> firstPage = reader.page(id, null, "", 1_000);
        assertThat(reader.page(id, firstPage.get(999), "", 1_000)).as("the next page starts after the last one")
                .hasSize(1_000).first().satisfies(next -> assertThat(next.e164()).isGreaterThan(firstPage.get(999).e164()));
    }

    @Test
    void aRateLimitWaitsAndSendsAgainButAnUncertainAnswerIsNeverSentAgain() throws Exception {
        simulator.failNext(Fault.RATE_LIMIT, 3);
        simulator.failNext(Fault.SERVER_ERROR, 1);
        long id = start("Hello");

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        assertThat(simulator.messageRequests()).as("3 not processed, sent again; 1 uncertain, never again")
                .isEqualTo(RECIPIENTS + 3);
        assertThat(createsPerNumber().values()).containsOnly(1L);
        List<RecipientOutcome> uncertain = recipients(id).stream().filter(r -> r.state() == SendState.UNCERTAIN).toList();
        assertThat(uncertain).singleElement().satisfies(recipient -> {
            assertThat(recipient.errorMessage()).startsWith("Not in Twilio's log as of");
            assertThat(createsPerNumber()).doesNotContainKey(recipient.e164());
        });
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.accepted()).isEqualTo(RECIPIENTS - 1);
        assertThat(summary.uncertain()).isEqualTo(1);
        assertThat(summary.needsAPerson()).isTrue();
        assertThat(summary.pendingRecipients()).isZero();

        assertThat(broadcasts.sendAgain(id, uncertain.get(0).e164())).isTrue();
        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(new Broadcasts(database.jdbi()).find(id).orElseThrow().accepted()).isEqualTo(RECIPIENTS);
        assertThat(createsPerNumber().values()).containsOnly(1L);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"LOST_ANSWER", "NO_CONTENT", "EMPTY_CREATED", "HUGE_ANSWER"})
    void aLostOrUnusableAnswerIsFoundInTwiliosLogAndNotPostedAgain(Fault fault) throws Exception {
        simulator.failNext(fault, 2);
        long id = start("Hello");

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        assertThat(simulator.messageRequests()).isEqualTo(RECIPIENTS);
        Map<String, String> sent = simulator.messages().stream()
                .collect(Collectors.toMap(TwilioSimulator.Message::to, TwilioSimulator.Message::sid));
        List<RecipientOutcome> found = recipients(id).stream()
                .filter(r -> r.errorMessage() != null && r.errorMessage().startsWith("Found in Twilio's log")).toList();
        assertThat(found).hasSize(2).allSatisfy(recipient -> {
            assertThat(recipient.state()).isEqualTo(SendState.ACCEPTED);
            assertThat(recipient.sid()).isEqualTo(sent.get(recipient.e164()));
        });
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.accepted()).isEqualTo(RECIPIENTS);
        assertThat(summary.uncertain()).isZero();
    }

    @Test
    void aStopReplyRefusalPutsTheNumberOnTheOptOutListAndTheSendGoesOn() throws Exception {
        simulator.refuse("+14152000007", 21610);
        simulator.refuse("+14152000008", 21614);
        long id = start("Hello");

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        Map<String, RecipientOutcome> byNumber = recipients(id).stream()
                .collect(Collectors.toMap(RecipientOutcome::e164, Function.identity()));
        assertThat(byNumber.get("+14152000007").state()).isEqualTo(SendState.FAILED);
        assertThat(byNumber.get("+14152000007").errorCode()).isEqualTo(21610);
        assertThat(byNumber.get("+14152000007").errorMessage()).contains("replied STOP").contains("opt-out list");
        assertThat(byNumber.get("+14152000008").errorMessage()).contains("landline");
        assertThat(new OptOuts(database.jdbi()).all()).extracting(OptOut::e164).containsExactly("+14152000007");
        assertThat(new OptOuts(database.jdbi()).all()).singleElement()
                .satisfies(optOut -> assertThat(optOut.source()).isEqualTo("Twilio: replied STOP"));
        BroadcastSummary summary = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.accepted()).isEqualTo(RECIPIENTS - 2);

        assertThat(broadcasts.quote("Again", List.of(everyone), false).recipients()).as("never sent to again")
                .isEqualTo(RECIPIENTS - 1);
    }

    @Test
    void wrongSettingsPauseWithEverythingUnsentPendingAndResumeLater() throws Exception {
        long id = start("Hello");
        try (TwilioConnections wrong = connections(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, "wrong token", TwilioSimulator.MESSAGING_SERVICE_SID))) {
            BroadcastService withWrongToken = TestBroadcasts.service(database.jdbi(), wrong);

            assertThat(withWrongToken.sending(id).run(progress -> { })).isEqualTo(BroadcastState.PAUSED);
        }

        BroadcastSummary paused = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(paused.pendingRecipients()).isEqualTo(RECIPIENTS);
        assertThat(recipients(id)).extracting(RecipientOutcome::state).containsOnly(SendState.PENDING);
        assertThat(simulator.messages()).isEmpty();

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(createsPerNumber()).hasSize(RECIPIENTS);
    }

    @Test
    void pauseStopsWithinASecondAndLeavesNothingInFlight() throws Exception {
        simulator.setLatency(Duration.ofMillis(20));
        long id = start("Hello");
        Sending sending = broadcasts.sending(id);
        CompletableFuture<BroadcastState> run = inTheBackground(sending);
        while (simulator.messageRequests() < 100) {
            Thread.sleep(5);
        }

        long asked = System.nanoTime();
        sending.pause();
        assertThat(run.get(5, TimeUnit.SECONDS)).isEqualTo(BroadcastState.PAUSED);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));

        List<RecipientOutcome> after = recipients(id);
        assertThat(after).extracting(RecipientOutcome::state).doesNotContain(SendState.IN_FLIGHT, SendState.UNCERTAIN);
        long accepted = after.stream().filter(r -> r.state() == SendState.ACCEPTED).count();
        assertThat(accepted).isEqualTo(simulator.messages().size()).isLessThan(RECIPIENTS);

        simulator.setLatency(Duration.ZERO);
        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(createsPerNumber()).hasSize(RECIPIENTS).allSatisfy((number, creates) -> assertThat(creates).isEqualTo(1));
    }

    /**
     * The journal's commit comes while a group is on its way: when it fails, that group's senders
     * stop, and nothing they sent can go again.
     */
    @Test
    void aLostLeaseStopsTheSendersAndLeavesWhatWentInFlightNeverPending() throws Exception {
        simulator.setLatency(Duration.ofMillis(5));
        long id = start("Hello");
        Sending sending = broadcasts.sending(id);
        CompletableFuture<BroadcastState> run = inTheBackground(sending);
        while (simulator.messageRequests() < 600) {
            Thread.sleep(2);
        }
        // another desktop took the broadcast over: this one's next journal write is refused
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM work_lease"));

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(LeaseLostException.class);
        int requestsAtTheEnd = simulator.messageRequests();
        Thread.sleep(200);
        assertThat(simulator.messageRequests()).as("no sender goes on after the run ended").isEqualTo(requestsAtTheEnd);
        Map<String, SendState> states = recipients(id).stream()
                .collect(Collectors.toMap(RecipientOutcome::e164, RecipientOutcome::state));
        assertThat(createsPerNumber().keySet()).as("what Twilio has is never PENDING, to be sent again")
                .allSatisfy(number -> assertThat(states.get(number)).isIn(SendState.ACCEPTED, SendState.IN_FLIGHT));
        assertThat(states.values().stream().filter(state -> state == SendState.IN_FLIGHT).count())
                .as("a window at most").isLessThanOrEqualTo(MessageDispatcher.LARGEST_WINDOW);
    }

    @Test
    void whatADeadHeraldLeftInFlightIsUncertainAndSettledByTheLogAtTheNextRun() throws Exception {
        long id = start("Hello");
        String sentBeforeTheCrash = "+14152000001";
        String neverSent = "+14152000002";
        // as a process killed mid-window leaves it: a window IN_FLIGHT, one of its messages created at Twilio
        database.jdbi().useHandle(handle -> {
            handle.execute("UPDATE broadcast SET state = 'SENDING', started_at = CURRENT_TIMESTAMP WHERE id = ?", id);
            handle.execute("UPDATE broadcast_recipient SET state = 'IN_FLIGHT' WHERE broadcast_id = ? AND e164 IN (?, ?)", id,
                    sentBeforeTheCrash, neverSent);
        });
        twilio.current().channel().send(List.of(sentBeforeTheCrash), "Hello");

        BroadcastService.Recovery recovery = broadcasts.recoverInterrupted();

        assertThat(recovery.messagesMadeUncertain()).isEqualTo(2);
        BroadcastSummary recovered = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(recovered.state()).isEqualTo(BroadcastState.PAUSED);
        assertThat(recovered.uncertain()).isEqualTo(2);
        assertThat(new Broadcasts(database.jdbi()).anyNeedsAPerson()).isTrue();

        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);

        Map<String, RecipientOutcome> byNumber = recipients(id).stream()
                .collect(Collectors.toMap(RecipientOutcome::e164, Function.identity()));
        assertThat(byNumber.get(sentBeforeTheCrash).state()).isEqualTo(SendState.ACCEPTED);
        assertThat(byNumber.get(neverSent).state()).isEqualTo(SendState.UNCERTAIN);
        assertThat(createsPerNumber().get(sentBeforeTheCrash)).isEqualTo(1);
        assertThat(createsPerNumber()).doesNotContainKey(neverSent).hasSize(RECIPIENTS - 1);
        assertThat(broadcasts.markSent(id, neverSent)).isTrue();
        BroadcastSummary settled = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(settled.needsAPerson()).isFalse();
        assertThat(settled.markedSent()).isEqualTo(1);
    }

    @Test
    void aNotifyBroadcastIsNotSentThroughAMessagingService() {
        long notify;
        try (TwilioConnections throughNotify = connections(TwilioSimulator.CREDENTIALS)) {
            BroadcastService viaNotify = TestBroadcasts.service(database.jdbi(), throughNotify);
            notify = viaNotify.start(viaNotify.quote("Hello", List.of(everyone), false));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broadcasts.sending(notify))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goes through Notify");
    }
}
