package app.herald.cli;

import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = {"Runs Herald's Twilio simulator (Notify, Messages, Messaging Service) until stopped (Ctrl+C).",
            "Point a Herald at it with HERALD_TWILIO_BASE_URL=http://localhost:PORT and the simulator's"
                + " credentials, which it prints.",
            "Its messages are sent 2 s and end 6 s after they are made, by the number's last two digits: 03, 05, 06, 07"
                + " undelivered, 08 failed, any other delivered; numbers ending 11 to 15 reply (STOP, \" stop \", Thanks!,"
                + " a sentence, STOP then START): herald sync reads it all."})
final class SimulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port on localhost (default: ${DEFAULT-VALUE}).",
            defaultValue = "4010")
    private int port;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Wait this long before each answer.", defaultValue = "0")
    private long latencyMs;

    @Option(names = "--fail", paramLabel = "FAULT", split = ",",
            description = "Answer the first notifications or messages with these faults, in order: ${COMPLETION-CANDIDATES}.")
    private List<Fault> faults = List.of();

    @Option(names = "--log", paramLabel = "FILE", description = "Append one JSON line per accepted notification.")
    private Path log;

    @Override
    public Integer call() throws Exception {
        try (TwilioSimulator simulator = TwilioSimulator.start(port, log)) {
            simulator.setLatency(Duration.ofMillis(latencyMs));
            faults.forEach(fault -> simulator.failNext(fault, 1));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Twilio simulator on " + simulator.baseUrl());
            out.println("  HERALD_TWILIO_BASE_URL=" + simulator.baseUrl());
            out.println("  TWILIO_ACCOUNT_SID=" + TwilioSimulator.ACCOUNT_SID);
            out.println("  TWILIO_AUTH_TOKEN=" + TwilioSimulator.AUTH_TOKEN);
            out.println("  TWILIO_MESSAGING_SERVICE_SID=" + TwilioSimulator.MESSAGING_SERVICE_SID);
            out.println("  (or, for Notify, TWILIO_NOTIFY_SERVICE_SID=" + TwilioSimulator.SERVICE_SID + ")");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
