package app.herald.bench;

import app.herald.broadcast.BroadcastPlanner;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Dispatcher;
import app.herald.broadcast.Journal;
import app.herald.contacts.RecipientLists;
import app.herald.settings.Mode;
import app.herald.storage.Database;
import app.herald.twilio.NotifyGateway;
import app.herald.twilio.TwilioNotifyGateway;
import app.herald.twilio.simulator.NotifySimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A million recipients through the send engine to the simulator (no latency), against a bare loop
 * of the same SDK calls with the same batches: the engine's own cost is the journal, synced at
 * every step, and reading each batch's numbers back from H2.
 */
public final class SendBenchmark {

    private static final String BODY = "School closes at noon tomorrow. Please collect your child by 12:15.";

    private SendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("herald-send-bench");
        try (NotifySimulator simulator = NotifySimulator.start(0, null);
             Database database = Database.open(folder.resolve("herald"))) {
            NotifyGateway gateway = new TwilioNotifyGateway(NotifySimulator.CREDENTIALS,
                    simulator.baseUrl(), Duration.ofSeconds(60));
            long list = new RecipientLists(database.jdbi()).create("Everyone").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (2000000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", list).bind("n", recipients).execute());

            List<List<String>> batches = new ArrayList<>();
            for (int from = 0; from < recipients; from += NotifyGateway.MAX_BINDINGS) {
                List<String> batch = new ArrayList<>();
                for (int i = from; i < Math.min(recipients, from + NotifyGateway.MAX_BINDINGS); i++) {
                    batch.add("+1" + (2_000_000_001L + i));
                }
                batches.add(batch);
            }
            // warm-up: the JIT, the connection pool, the simulator
            for (int i = 0; i < 3; i++) {
                gateway.notify(batches.get(i), BODY);
            }

            long start = System.nanoTime();
            for (List<String> batch : batches) {
                gateway.notify(batch, BODY);
            }
            long bare = System.nanoTime() - start;

            start = System.nanoTime();
            long id = new BroadcastPlanner(database.jdbi()).plan(BODY, List.of(list), Mode.SIMULATION, NotifySimulator.SERVICE_SID);
            long planned = System.nanoTime();
            BroadcastState state = new Dispatcher(new Journal(database.jdbi()), gateway, duration -> { })
                    .run(id, progress -> { });
            long sent = System.nanoTime();

            System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
            System.out.printf("bare SDK loop, %,d batches:     %6.2f s%n", batches.size(), bare / 1e9);
            System.out.printf("plan (snapshot + batches):     %6.2f s%n", (planned - start) / 1e9);
            System.out.printf("send through the journal:      %6.2f s, %.2f x the bare loop (%s)%n", (sent - planned) / 1e9,
                    (double) (sent - planned) / bare, state);
            System.out.printf("plan + send:                   %6.2f s, %.2f x the bare loop%n", (sent - start) / 1e9,
                    (double) (sent - start) / bare);
            SendDialogBenchmark.run(database.jdbi(), list, recipients);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
