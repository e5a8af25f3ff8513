package app.herald.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.ChildHerald;
import app.herald.cli.HeraldCommand;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * `herald send` through the Messaging channel in a child JVM, killed with SIGKILL while its
 * messages go out, then `herald resume`: nobody gets two messages, everybody is ACCEPTED or
 * UNCERTAIN, and the UNCERTAIN ones Twilio has are settled by its log, not posted again.
 */
class MessageCrashRecoveryTest {

    private static final int RECIPIENTS = 6_000;

    @TempDir
    Path home;

    private TwilioSimulator simulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        // each answer takes a while, so the kill finds messages on their way
        simulator.setLatency(Duration.ofMillis(5));
        environment = Map.of("HERALD_HOME", home.toString(), "TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                "TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString());
        // as fast as the simulator answers, four at once (a LIVE send otherwise keeps a US long code's pace)
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "All", RECIPIENTS);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "killed when message {0} arrives")
    @ValueSource(ints = {1, 900, 2_500, 4_400})
    void aKilledSendNeverSendsAnyoneTwice(int killAtMessage) throws Exception {
        Process sender = ChildHerald.start(environment, home.resolve("sender.out"),
                "send", "--list", "All", "--message", "School closes at noon", "--yes");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.messageRequests() < killAtMessage && sender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        sender.destroyForcibly().waitFor(20, TimeUnit.SECONDS);

        int resumed = resume();

        Map<String, List<TwilioSimulator.Message>> atTwilio = simulator.messages().stream()
                .collect(Collectors.groupingBy(TwilioSimulator.Message::to));
        assertThat(atTwilio.values()).as("nobody got the message twice").allSatisfy(messages -> assertThat(messages).hasSize(1));
        List<RecipientOutcome> recipients;
        BroadcastSummary broadcast;
        try (Storage storage = TestStorage.open(home)) {
            broadcast = new Broadcasts(storage.jdbi()).all().get(0);
            recipients = new BroadcastRecipients(storage.jdbi()).page(broadcast.id(), null, "", RECIPIENTS + 1);
        }
        assertThat(recipients).hasSize(RECIPIENTS).extracting(RecipientOutcome::state)
                .as("everybody accounted for").containsOnly(SendState.ACCEPTED, SendState.UNCERTAIN);
        Map<String, RecipientOutcome> byNumber = recipients.stream()
                .collect(Collectors.toMap(RecipientOutcome::e164, Function.identity()));
        byNumber.values().forEach(recipient -> {
            if (recipient.state() == SendState.ACCEPTED) {
                assertThat(atTwilio.get(recipient.e164())).as(recipient.e164()).singleElement()
                        .satisfies(message -> assertThat(message.sid()).isEqualTo(recipient.sid()));
            } else {
                assertThat(atTwilio).as("an uncertain message Twilio has is settled by its log").doesNotContainKey(recipient.e164());
            }
        });
        long uncertain = recipients.stream().filter(recipient -> recipient.state() == SendState.UNCERTAIN).count();
        assertThat(broadcast.accepted()).as("the counts agree with the rows").isEqualTo(RECIPIENTS - uncertain);
        assertThat(broadcast.uncertain()).isEqualTo(uncertain);
        assertThat(uncertain).as("a crash leaves at most a window in flight: the group going out and the one marked next")
                .isLessThanOrEqualTo(MessageDispatcher.LARGEST_WINDOW);
        assertThat(resumed).as("resume exit code: 0 unless a message stayed uncertain").isEqualTo(uncertain == 0 ? 0 : 1);
    }

    private int resume() {
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home), environment);
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute("resume", "--yes");
    }
}
