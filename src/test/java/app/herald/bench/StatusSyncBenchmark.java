package app.herald.bench;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Quote;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.delivery.ScheduledBroadcasts;
import app.herald.delivery.StatusSync;
import app.herald.settings.ChannelKind;
import app.herald.settings.ReplyKeywords;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One read of Twilio's log after a Messaging broadcast to the embedded simulator (whose messages
 * end six seconds after they are made): the pages of the day's messages read bare through the SDK,
 * nothing matched or written, against Herald's check of the same log (each page matched to the
 * recipients by their key and written in one commit, the counts recounted, the replies read and
 * applied). The simulator keeps 200,000 messages, replies included: 150,000 recipients and their
 * replies fit.
 */
public final class StatusSyncBenchmark {

    private static final String BODY = "School closes at noon tomorrow. Please collect your child by 12:15.";

    private StatusSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        Path folder = Files.createTempDirectory("herald-sync-bench");
        try (Database database = Database.open(folder.resolve("herald"));
             TwilioConnections twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.MESSAGES), Map.of())) {
            long list = new RecipientLists(database.jdbi()).create("Everyone").id();
            database.jdbi().useHandle(handle -> handle.createUpdate(
                            "INSERT INTO contact (list_id, e164) SELECT :list, '+1' || (2000000000 + X) FROM SYSTEM_RANGE(1, :n)")
                    .bind("list", list).bind("n", recipients).execute());
            database.jdbi().useHandle(handle -> TestContacts.keepCount(handle, list));
            BroadcastService broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
            Quote quote = broadcasts.quote(BODY, List.of(list), false);
            Instant began = Instant.now();
            long id = broadcasts.start(quote);
            BroadcastState state = broadcasts.sending(id).run(progress -> { });
            long sendSeconds = Duration.between(began, Instant.now()).toSeconds();
            // every message final and every reply due
            Thread.sleep(9_000);
            TwilioConnection connection = twilio.current();

            AtomicLong messages = new AtomicLong();
            int before = connection.log().requests();
            long start = System.nanoTime();
            connection.log().sentSince(began, page -> {
                messages.addAndGet(page.size());
                return true;
            });
            long bare = System.nanoTime() - start;
            int bareRequests = connection.log().requests() - before;

            StatusSync sync = new StatusSync(database.jdbi(),
                    new ScheduledBroadcasts(database.jdbi(), duration -> Thread.sleep(duration.toMillis())),
                    () -> ReplyKeywords.TWILIO_DEFAULTS, Clock.systemUTC());
            start = System.nanoTime();
            StatusSync.Report report = sync.check(connection);
            long checked = System.nanoTime() - start;
            start = System.nanoTime();
            StatusSync.Report again = sync.check(connection);
            long checkedAgain = System.nanoTime() - start;

            System.out.printf("machine: %d cores, %s %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("sent %,d recipients through the journal in %d s (%s)%n", recipients, sendSeconds, state);
            System.out.printf("bare read of the log: %,d messages in %,d requests, %7.2f s%n", messages.get(), bareRequests,
                    bare / 1e9);
            System.out.printf("Herald's check:       %,d statuses learnt, %,d replies (%,d opted out) in %,d requests, %7.2f s,"
                            + " %.2f x the bare read%n", report.changed(), report.replies(), report.optedOut(), report.requests(),
                    checked / 1e9, checked / (double) bare);
            System.out.printf("the next check:       %d broadcasts followed, %,d requests, %7.2f s%n", again.followed().size(),
                    again.requests(), checkedAgain / 1e9);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
