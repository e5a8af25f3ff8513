package app.herald.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.Launcher;
import app.herald.cli.HeraldCommand;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `herald send` in a child JVM, killed with SIGKILL while its batches go out, then `herald resume`:
 * no number is ever accepted twice, and every recipient is accounted for.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-test-token-4f9c2a";
    private static final int RECIPIENTS = 35_000;

    @TempDir
    Path home;

    private TwilioSimulator simulator;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null, TOKEN);
        // each answer takes a while, so the kill finds a request on its way
        simulator.setLatency(Duration.ofMillis(400));
        environment = Map.of("HERALD_HOME", home.toString(), "TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TOKEN, "TWILIO_NOTIFY_SERVICE_SID", TwilioSimulator.SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString());
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "All", RECIPIENTS);
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "killed when request {0} arrives")
    @ValueSource(ints = {1, 2, 4})
    void aKilledSendNeverSendsAnyoneTwice(int killAtRequest) throws Exception {
        Process sender = startSender();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.notificationRequests() < killAtRequest && sender.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        sender.destroyForcibly().waitFor(20, TimeUnit.SECONDS);

        int resumed = resume();

        List<Batch> batches;
        try (Storage storage = TestStorage.open(home)) {
            batches = new Journal(storage.jdbi()).batches(new Broadcasts(storage.jdbi()).all().get(0).id());
        }
        Map<String, Integer> timesAccepted = new HashMap<>();
        Set<String> acceptedSids = new HashSet<>();
        simulator.accepted().forEach(accepted -> {
            acceptedSids.add(accepted.sid());
            accepted.addresses().forEach(number -> timesAccepted.merge(number, 1, Integer::sum));
        });
        assertThat(timesAccepted.values()).as("nobody got the message twice").containsOnly(1);
        assertThat(batches).extracting(Batch::state).doesNotContain(SendState.IN_FLIGHT, SendState.PENDING);
        assertThat(batches).filteredOn(batch -> batch.state() == SendState.ACCEPTED)
                .allSatisfy(batch -> assertThat(acceptedSids).contains(batch.sid()));
        long inAcceptedBatches = batches.stream().filter(batch -> batch.state() == SendState.ACCEPTED).mapToLong(Batch::size).sum();
        long uncertain = batches.stream().filter(batch -> batch.state() == SendState.UNCERTAIN).mapToLong(Batch::size).sum();
        assertThat(inAcceptedBatches + uncertain).as("every recipient accounted for").isEqualTo(RECIPIENTS);
        assertThat(timesAccepted.size()).as("sent = accepted, plus what the kill left uncertain")
                .isBetween((int) inAcceptedBatches, (int) (inAcceptedBatches + uncertain));
        assertThat(resumed).as("resume exit code: 0 unless a batch stayed uncertain").isEqualTo(uncertain == 0 ? 0 : 1);
        assertTokenIsNowhereInTheDataFolder();
    }

    private Process startSender() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "send", "--list", "All", "--message", "School closes at noon", "--yes")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("sender.out").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private int resume() {
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home), environment);
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute("resume", "--yes");
    }

    private void assertTokenIsNowhereInTheDataFolder() throws Exception {
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("sender.out"))
                    .toList()) {
                assertThat(indexOf(Files.readAllBytes(file), token)).as(file + " holds the auth token").isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
