package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.ChildHerald;
import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.RecipientOutcome;
import app.herald.broadcast.SendState;
import app.herald.contacts.TestContacts;
import app.herald.storage.Database;
import app.herald.storage.SharedServer;
import app.herald.storage.TestPostgres;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two desktops, each a real {@code herald} process with a data folder of its own, on one real
 * PostgreSQL server and one simulated Twilio: what one imports the other sees, a broadcast is sent
 * by one of them at a time, and one killed mid-send is taken over once its lease has run out, with
 * nobody sent the message twice and everybody accounted for.
 */
class TeamModeTest {

    private static final int RECIPIENTS = 4_000;
    private static final int LEASE_SECONDS = 4;

    @TempDir
    Path folder;

    private TwilioSimulator simulator;
    private SharedServer server;
    private Map<String, String> deskA;
    private Map<String, String> deskB;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        // each answer takes a while, so a send lasts long enough for the other desktop to try
        simulator.setLatency(Duration.ofMillis(4));
        server = TestPostgres.newDatabase();
        deskA = desk("desk-A");
        deskB = desk("desk-B");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** desk-B's command line, run in this JVM. */
    private CommandLineRun deskB() {
        return new CommandLineRun(Path.of(deskB.get("HERALD_HOME")), deskB);
    }

    private Map<String, String> desk(String computer) throws Exception {
        Path home = Files.createDirectories(folder.resolve(computer));
        // as fast as the simulator answers, four at once
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        Map<String, String> environment = new HashMap<>(Map.of("HERALD_HOME", home.toString(),
                "HERALD_COMPUTER_NAME", computer, "HERALD_LEASE_SECONDS", String.valueOf(LEASE_SECONDS),
                "HERALD_DATABASE_URL", server.url(), "HERALD_DATABASE_USER", server.user(),
                "HERALD_DATABASE_PASSWORD", server.password()));
        environment.putAll(Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                "TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString()));
        return Map.copyOf(environment);
    }

    @Test
    void aListOneDesktopImportsIsTheOthersToo() throws Exception {
        Path csv = Files.writeString(folder.resolve("parents.csv"), "Name,Phone\nAna Lopez,+14155550132\nBo Chen,+14155550133\n");
        ChildHerald.timeToEnd(deskA, folder.resolve("a.out"), "import", csv.toString(), "--list", "Parents",
                "--country", "US");

        CommandLineRun otherDesk = deskB();
        assertThat(otherDesk.herald("lists")).isZero();
        assertThat(otherDesk.out()).contains("Parents").contains("2");
        assertThat(otherDesk.herald("contacts", "--list", "Parents")).isZero();
        assertThat(otherDesk.out()).contains("+1 415-555-0132", "Ana Lopez", "+1 415-555-0133", "Bo Chen");
    }

    @Test
    void whileOneDesktopSendsTheOtherCannotResumeItAndEveryoneGetsItOnce() throws Exception {
        Process sender = deskASends();
        awaitMessages(200, sender);

        CommandLineRun otherDesk = deskB();
        int refused = otherDesk.herald("resume", "--yes");
        long sentWhenRefused = simulator.messageRequests();

        assertThat(refused).as("herald resume on the other desktop").isNotZero();
        assertThat(otherDesk.err()).containsPattern("Broadcast \\d+ is being sent by desk-A, last heard from \\d+ seconds? ago");
        assertThat(sender.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(sender.exitValue()).as(Files.readString(folder.resolve("a.out"))).isZero();
        assertThat(sentWhenRefused).isLessThan(RECIPIENTS);
        assertEveryoneOnceAtMost(true);
    }

    @Test
    void aDesktopKilledMidSendIsTakenOverOnceItsLeaseHasRunOutAndNobodyGetsItTwice() throws Exception {
        Process sender = deskASends();
        awaitMessages(900, sender);
        sender.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();

        CommandLineRun otherDesk = deskB();
        assertThat(otherDesk.herald("resume", "--yes")).as("at once: desk-A's lease still runs").isNotZero();
        assertThat(otherDesk.err()).contains("is being sent by desk-A");

        Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(LEASE_SECONDS + 1) - (System.nanoTime() - killedAt) / 1_000_000));
        int resumed = otherDesk.herald("resume", "--yes");

        assertThat(otherDesk.err()).doesNotContain("is being sent by");
        List<RecipientOutcome> recipients = assertEveryoneOnceAtMost(false);
        long uncertain = recipients.stream().filter(recipient -> recipient.state() == SendState.UNCERTAIN).count();
        assertThat(resumed).as("resume exit code: 0 unless a message stayed uncertain").isEqualTo(uncertain == 0 ? 0 : 1);
    }

    /** desk-A, a herald process of its own, sends to a list of {@link #RECIPIENTS} on the shared server. */
    private Process deskASends() throws Exception {
        try (Database database = Database.open(server)) {
            TestContacts.list(database.jdbi(), "All", RECIPIENTS);
        }
        return ChildHerald.start(deskA, folder.resolve("a.out"), "send", "--list", "All", "--message", "School closes at noon",
                "--yes");
    }

    private void awaitMessages(int count, Process sender) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (simulator.messageRequests() < count && sender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(simulator.messageRequests()).as("messages the simulator had when the test went on; desk-A said: %s",
                Files.readString(folder.resolve("a.out"))).isGreaterThanOrEqualTo(count);
    }

    /**
     * Nobody got the message twice; every recipient is ACCEPTED with Twilio's SID, or UNCERTAIN and
     * not at Twilio (the log settles the rest). @param allAccepted every recipient must be ACCEPTED
     */
    private List<RecipientOutcome> assertEveryoneOnceAtMost(boolean allAccepted) {
        Map<String, List<TwilioSimulator.Message>> atTwilio = simulator.messages().stream()
                .collect(Collectors.groupingBy(TwilioSimulator.Message::to));
        assertThat(atTwilio.values()).as("nobody got the message twice").allSatisfy(messages -> assertThat(messages).hasSize(1));
        try (Database database = Database.open(server)) {
            BroadcastSummary broadcast = new Broadcasts(database.jdbi()).all().get(0);
            List<RecipientOutcome> recipients = new BroadcastRecipients(database.jdbi()).page(broadcast.id(), null, "",
                    RECIPIENTS + 1);
            assertThat(recipients).hasSize(RECIPIENTS).extracting(RecipientOutcome::state).as("everybody accounted for")
                    .containsOnly(allAccepted ? new SendState[] {SendState.ACCEPTED}
                            : new SendState[] {SendState.ACCEPTED, SendState.UNCERTAIN});
            recipients.forEach(recipient -> {
                if (recipient.state() == SendState.ACCEPTED) {
                    assertThat(atTwilio.get(recipient.e164())).as(recipient.e164()).singleElement()
                            .satisfies(message -> assertThat(message.sid()).isEqualTo(recipient.sid()));
                } else {
                    assertThat(atTwilio).as("an uncertain message Twilio has is settled by its log").doesNotContainKey(recipient.e164());
                }
            });
            assertThat(atTwilio).as("what Twilio has is what the journal says went").hasSize(
                    (int) recipients.stream().filter(recipient -> recipient.state() == SendState.ACCEPTED).count());
            return recipients;
        }
    }
}
