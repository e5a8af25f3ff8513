package app.herald.bench;

import app.herald.bench.SendDialogBenchmark.DialogSend;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Quote;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.Channel;
import app.herald.twilio.NotifyChannel;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A million recipients through the broadcast service to the embedded simulator (no latency),
 * against a bare loop of the same SDK calls with the same batches to a simulator of its own: the
 * engine's own cost is the journal, synced at every step, and reading each batch's numbers back.
 */
public final class SendBenchmark {

    private static final String BODY = "School closes at noon tomorrow. Please collect your child by 12:15.";

    private SendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("herald-send-bench");
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null);
             Database database = Database.open(folder.resolve("herald"));
             TwilioConnections twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            Channel gateway = new NotifyChannel(TwilioSimulator.CREDENTIALS, simulator.baseUrl(), Duration.ofSeconds(60));
            long list = new RecipientLists(database.jdbi()).create("Everyone").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (2000000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", list).bind("n", recipients).execute());
            database.jdbi().useHandle(handle -> TestContacts.keepCount(handle, list));

            List<List<String>> batches = new ArrayList<>();
            for (int from = 0; from < recipients; from += NotifyChannel.MAX_BINDINGS) {
                List<String> batch = new ArrayList<>();
                for (int i = from; i < Math.min(recipients, from + NotifyChannel.MAX_BINDINGS); i++) {
                    batch.add("+1" + (2_000_000_001L + i));
                }
                batches.add(batch);
            }
            // warm-up: the JIT, the connection pool, the simulator (a small run has fewer than three batches)
            for (int i = 0; i < Math.min(3, batches.size()); i++) {
                gateway.send(batches.get(i), BODY);
            }

            long start = System.nanoTime();
            for (List<String> batch : batches) {
                gateway.send(batch, BODY);
            }
            long bare = System.nanoTime() - start;

            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
            // as in the window: the quote is made before the confirmation, the embedded simulator at the first send
            Quote quote = broadcasts.quote(BODY, List.of(list), false);
            twilio.current();
            start = System.nanoTime();
            long id = broadcasts.start(quote);
            long planned = System.nanoTime();
            BroadcastState state = broadcasts.sending(id).run(progress -> { });
            long sent = System.nanoTime();

            System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
            System.out.printf("bare SDK loop, %,d batches:     %6.2f s%n", batches.size(), bare / 1e9);
            System.out.printf("plan (snapshot + batches):     %6.2f s%n", (planned - start) / 1e9);
            System.out.printf("send through the journal:      %6.2f s, %.2f x the bare loop (%s)%n", (sent - planned) / 1e9,
                    (double) (sent - planned) / bare, state);
            System.out.printf("plan + send:                   %6.2f s, %.2f x the bare loop%n", (sent - start) / 1e9,
                    (double) (sent - start) / bare);
            SendDialogBenchmark.run(database.jdbi(), ChannelKind.NOTIFY, List.of(DialogSend.embedded(list, ChannelKind.NOTIFY)));
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
