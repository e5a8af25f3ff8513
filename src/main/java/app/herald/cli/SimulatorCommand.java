package app.herald.cli;

import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.NotifySimulator;
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
        description = {"Runs Herald's Notify simulator on its own, until stopped (Ctrl+C).",
            "Point a Herald at it with HERALD_TWILIO_BASE_URL=http://localhost:PORT and the simulator's",
            "credentials, which it prints."})
final class SimulatorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port on localhost (default: ${DEFAULT-VALUE}).",
            defaultValue = "4010")
    private int port;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Wait this long before each answer.", defaultValue = "0")
    private long latencyMs;

    @Option(names = "--fail", paramLabel = "FAULT", split = ",",
            description = "Answer the first notifications with these faults, in order: ${COMPLETION-CANDIDATES}.")
    private List<Fault> faults = List.of();

    @Option(names = "--log", paramLabel = "FILE", description = "Append one JSON line per accepted notification.")
    private Path log;

    @Override
    public Integer call() throws Exception {
        try (NotifySimulator simulator = NotifySimulator.start(port, log)) {
            simulator.setLatency(Duration.ofMillis(latencyMs));
            faults.forEach(fault -> simulator.failNext(fault, 1));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Notify simulator on " + simulator.baseUrl());
            out.println("  HERALD_TWILIO_BASE_URL=" + simulator.baseUrl());
            out.println("  TWILIO_ACCOUNT_SID=" + NotifySimulator.ACCOUNT_SID);
            out.println("  TWILIO_AUTH_TOKEN=" + NotifySimulator.AUTH_TOKEN);
            out.println("  TWILIO_NOTIFY_SERVICE_SID=" + NotifySimulator.SERVICE_SID);
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
