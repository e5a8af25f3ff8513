package app.herald.bench;

import app.herald.bench.SendDialogBenchmark.DialogSend;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Quote;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.settings.ChannelKind;
import app.herald.settings.MessagePace;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.GatewayException;
import app.herald.twilio.MessagingChannel;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Recipients through the Messaging channel to the embedded simulator (no latency), one message
 * each: a bare loop of the same SDK creates at the same concurrency (no journal, no database) to a
 * simulator of its own, then the broadcast service (plan, then the per-recipient journal in synced
 * windows); then a smaller list through the real send dialog with the FX thread probed. The peak
 * heap is the whole JVM's, simulators included.
 */
public final class MessagingBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String BODY = "School closes at noon tomorrow. Please collect your child by 12:15.";

    private MessagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int throughTheDialog = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int senders = MessagePace.SIMULATED.senders();
        Path folder = Files.createTempDirectory("herald-messaging-bench");
        try (Database database = Database.open(folder.resolve("herald"));
             TwilioConnections twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.MESSAGES), Map.of())) {
            long list = new RecipientLists(database.jdbi()).create("Everyone").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (2000000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", list).bind("n", recipients).execute());
            database.jdbi().useHandle(handle -> TestContacts.keepCount(handle, list));
            long small = new RecipientLists(database.jdbi()).create("Some").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (3000000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", small).bind("n", throughTheDialog).execute());
            database.jdbi().useHandle(handle -> TestContacts.keepCount(handle, small));
            long smallToo = new RecipientLists(database.jdbi()).create("Some more").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (3500000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", smallToo).bind("n", throughTheDialog).execute());
            database.jdbi().useHandle(handle -> TestContacts.keepCount(handle, smallToo));

            // warm-up: the JIT, the connection pool, the simulator
            bareLoop(Math.max(20_000, recipients / 5), senders);
            Stopwatch bare = bareLoop(recipients, senders);

            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
            Quote quote = broadcasts.quote(BODY, List.of(list), false);
            twilio.current();
            HeapUse heap = HeapUse.watch();
            Stopwatch planning = Stopwatch.start();
            long id = broadcasts.start(quote);
            Stopwatch plan = planning.elapsed();
            Stopwatch sending = Stopwatch.start();
            // the dispatcher runs on this thread: reading, writing and committing the journal is its work
            long journalThreadStart = THREADS.getCurrentThreadCpuTime();
            BroadcastState state = broadcasts.sending(id).run(progress -> { });
            double journalThreadSeconds = (THREADS.getCurrentThreadCpuTime() - journalThreadStart) / 1e9;
            Stopwatch sent = sending.elapsed();
            heap.close();
            // the machine may have slowed or sped up meanwhile: the bare loop once more, after
            Stopwatch bareAfter = bareLoop(recipients, senders);
            double bareMean = (bare.wallSeconds() + bareAfter.wallSeconds()) / 2;
            double bareCpuMean = (bare.cpuSeconds() + bareAfter.cpuSeconds()) / 2;

            System.out.printf("machine: %d cores, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("bare SDK loop, %,d creates, %d at once:  %7.2f s before (CPU %.2f s), %.2f s after (CPU %.2f s):"
                            + " %,.0f messages/s%n", recipients, senders, bare.wallSeconds(), bare.cpuSeconds(),
                    bareAfter.wallSeconds(), bareAfter.cpuSeconds(), recipients / bareMean);
            System.out.printf("plan (snapshot, each recipient PENDING):     %7.2f s%n", plan.wallSeconds());
            System.out.printf("send through the journal:                    %7.2f s (CPU %.2f s), %,.0f messages/s, %.2f x the bare"
                            + " loops' mean (%.2f x the one before, %.2f x the one after) (%s)%n", sent.wallSeconds(),
                    sent.cpuSeconds(), recipients / sent.wallSeconds(), sent.wallSeconds() / bareMean,
                    sent.wallSeconds() / bare.wallSeconds(), sent.wallSeconds() / bareAfter.wallSeconds(), state);
            System.out.printf("the journal's cost in CPU (every thread of this JVM, the simulator's included): %.2f x the bare"
                    + " loops' mean%n", sent.cpuSeconds() / bareCpuMean);
            System.out.printf("  of which the dispatcher's own thread (the journal's reads, writes and commits): CPU %.2f s,"
                    + " %.1f µs a message%n", journalThreadSeconds, journalThreadSeconds * 1e6 / recipients);
            System.out.printf("heap while planning and sending (simulator included): %s%n", heap.describe());
            // Twilio is another computer: first to a simulator at a lower priority in a JVM of its own, then,
            // with the JIT warmer, to the one in this JVM, whose work takes the cores from the window
            try (SimulatorElsewhere elsewhere = SimulatorElsewhere.start()) {
                SendDialogBenchmark.run(database.jdbi(), ChannelKind.MESSAGES, List.of(
                        new DialogSend("to herald simulator in a JVM of its own, at nice 10", smallToo,
                                elsewhere::throughMessagingService),
                        DialogSend.embedded(small, ChannelKind.MESSAGES)));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * The same creates, {@code senders} at once, with nothing written down, to a simulator of its
     * own that starts empty as the embedded one does.
     */
    private static Stopwatch bareLoop(int count, int senders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        AtomicLong next = new AtomicLong();
        try (TwilioSimulator simulator = TwilioSimulator.start(0, null)) {
            MessagingChannel channel = new MessagingChannel(TwilioSimulator.MESSAGING_CREDENTIALS, simulator.baseUrl(),
                    Duration.ofSeconds(60));
            Stopwatch start = Stopwatch.start();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                running.add(pool.submit(() -> {
                    long n;
                    while ((n = next.getAndIncrement()) < count) {
                        try {
                            channel.send(List.of("+1" + (4_000_000_000L + n)), BODY);
                        } catch (GatewayException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
            return start.elapsed();
        } finally {
            pool.shutdown();
        }
    }
}
