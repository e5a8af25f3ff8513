package app.herald.delivery;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import app.herald.TestClock;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.TestContacts;
import app.herald.settings.ReplyKeywords;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.TwilioLog;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of Twilio's log on a clock of the test's own: how far back each reads, and when a broadcast stops being followed. */
class StatusSyncTest {

    @TempDir
    Path folder;

    private TwilioSimulator simulator;
    private Database database;
    private TwilioConnections twilio;
    private BroadcastService broadcasts;
    private final TestClock clock = new TestClock(Instant.now());
    private StatusSync sync;

    @BeforeEach
    void open() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        database = TestDatabases.open(folder.resolve("herald"));
        twilio = TestBroadcasts.throughMessagingService(simulator);
        broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        sync = new StatusSync(database.jdbi(), new ScheduledBroadcasts(database.jdbi(), clock::advance),
                () -> ReplyKeywords.TWILIO_DEFAULTS, clock);
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
        simulator.close();
    }

    private long send(String list, int from, int count) throws InterruptedException {
        long id = TestContacts.list(database.jdbi(), list, from, count);
        long broadcast = broadcasts.start(broadcasts.quote("Hello " + list, List.of(id), false));
        broadcasts.sending(broadcast).run(progress -> { });
        return broadcast;
    }

    @Test
    void aLaterCheckReadsBackOnlyTenMinutesBeforeTheLastAndFetchesTheRestBySid() throws Exception {
        simulator.setDeliveryTimes(Duration.ofMinutes(30), Duration.ofMinutes(40));
        send("Parents", 1, 5_000);
        // Herald's clock an hour ahead of the messages: they are older than any read back from its checks
        clock.advance(Duration.ofHours(1));
        StatusSync.Report first = sync.check(twilio.current());
        assertThat(first.changed()).as("not sent yet, so not in the list: a hundred fetched, and queued")
                .isEqualTo(StatusSync.FETCHES_PER_CHECK);

        // another hour on, and Twilio has sent them all meanwhile
        clock.advance(Duration.ofHours(1));
        simulator.setDeliveryTimes(Duration.ZERO, Duration.ZERO);
        int before = simulator.logReads();
        StatusSync.Report second = sync.check(twilio.current());

        assertThat(simulator.logReads() - before).as("one page, older than the last check: no more; 100 fetches; the replies")
                .isBetween(StatusSync.FETCHES_PER_CHECK + 1, StatusSync.FETCHES_PER_CHECK + 5);
        assertThat(second.changed()).as("the page read, and those fetched by SID")
                .isEqualTo(TwilioLog.PAGE_SIZE + StatusSync.FETCHES_PER_CHECK);
        assertThat(second.stillFollowing()).isTrue();
        assertThat(statusesOf("+14152000001", "+14152000100")).as("fetched by the first check, not again").containsOnly("queued");
        assertThat(statusesOf("+14152000101", "+14152000200")).as("the second goes on where the first stopped")
                .hasSize(100).doesNotContain("queued");
    }

    private List<String> statusesOf(String first, String last) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT status FROM broadcast_recipient WHERE e164 BETWEEN :first AND :last")
                .bind("first", first).bind("last", last).mapTo(String.class).list());
    }

    @Test
    void aReadThatTwilioRateLimitsWaitsAsAskedAndGoesAgain() throws Exception {
        simulator.setDeliveryTimes(Duration.ZERO, Duration.ZERO);
        send("Parents", 1, 2_500);
        simulator.rateLimitNextReads(2);
        int before = simulator.logReads();

        StatusSync.Report report = sync.check(twilio.current());

        assertThat(report.changed()).isEqualTo(2_500);
        assertThat(report.requests()).as("each try counted").isEqualTo(simulator.logReads() - before);
        assertThat(simulator.logReads() - before).as("3 pages, the senders, 2 inbound lists, and the 2 refused")
                .isEqualTo(3 + 1 + 2 + 2);
    }

    @Test
    void aBroadcastIsNoLongerFollowedOnceItsMessagesHaveEndedOrItsValidityHasPassed() throws Exception {
        simulator.setDeliveryTimes(Duration.ZERO, Duration.ZERO);
        long ended = send("Parents", 1, 300);
        StatusSync.Report first = sync.check(twilio.current());
        assertThat(first.followed()).containsExactly(ended);
        assertThat(first.settled()).isEqualTo(1);

        simulator.setDeliveryTimes(Duration.ofDays(1), Duration.ofDays(2));
        long waiting = send("Teachers", 1_000, 300);
        assertThat(sync.check(twilio.current()).followed()).as("the ended one is not read again").containsExactly(waiting);
        clock.advance(StatusSync.VALIDITY.plus(Duration.ofMinutes(1)));

        StatusSync.Report late = sync.check(twilio.current());

        assertThat(late.followed()).containsExactly(waiting);
        assertThat(late.settled()).as("read once more after the validity period, then left").isEqualTo(1);
        assertThat(sync.check(twilio.current()).followed()).isEmpty();
    }
}
