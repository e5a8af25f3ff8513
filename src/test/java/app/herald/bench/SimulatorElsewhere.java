package app.herald.bench;

import app.herald.Launcher;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code herald simulator} in a JVM of its own, at a lower priority ({@code nice 10}) where the
 * system has {@code nice}: Twilio is another computer, and its work does not take the desktop's
 * cores from Herald's window. Herald's own work (the senders, the journal, the window) keeps its
 * priority and still competes for the cores with the JIT and the collector.
 */
final class SimulatorElsewhere implements AutoCloseable {

    private static final String URL_LINE = "HERALD_TWILIO_BASE_URL=";
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final Process process;
    private final String baseUrl;

    private SimulatorElsewhere(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static SimulatorElsewhere start() throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", "10"));
        }
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "simulator", "--port", "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.strip().startsWith(URL_LINE)) {
                drain(output);
                return new SimulatorElsewhere(process, line.strip().substring(URL_LINE.length()));
            }
        }
        process.destroyForcibly();
        throw new IOException("herald simulator ended without saying where it listens");
    }

    /** What it prints later (a warning, a stack trace) is read, so that it never waits on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // nothing to keep
                }
            } catch (IOException e) {
                // the simulator ended
            }
        }, "simulator-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** LIVE through its Messaging Service, as an office set up with Twilio sends. */
    TwilioConnections throughMessagingService() {
        return new TwilioConnections(TwilioChoice.live(TwilioSimulator.MESSAGING_CREDENTIALS, false),
                Map.of("HERALD_TWILIO_BASE_URL", baseUrl));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
