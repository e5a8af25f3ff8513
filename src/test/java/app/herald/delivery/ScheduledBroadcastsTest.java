package app.herald.delivery;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.QuietPreview;
import app.herald.broadcast.QuietRule;
import app.herald.broadcast.Quote;
import app.herald.broadcast.Schedule;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.Contacts;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.settings.ChannelKind;
import app.herald.settings.QuietHours;
import app.herald.settings.ReplyKeywords;
import app.herald.storage.Database;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broadcast given a time, through a Messaging Service, against the simulator with the real SDK. */
class ScheduledBroadcastsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;

    private TwilioSimulator simulator;
    private Database database;
    private TwilioConnections twilio;
    private BroadcastService broadcasts;
    private ScheduledBroadcasts scheduled;

    @BeforeEach
    void open() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        database = TestDatabases.open(folder.resolve("herald"));
        twilio = TestBroadcasts.throughMessagingService(simulator);
        broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        scheduled = new ScheduledBroadcasts(database.jdbi(), duration -> { });
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
        simulator.close();
    }

    /** Two hours from now, to the minute, as a person in Berlin picks it. */
    private static Schedule inTwoHours() {
        LocalDateTime berlin = LocalDateTime.now(BERLIN).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        return Schedule.chosen(berlin, BERLIN, Instant.now(), ChannelKind.MESSAGES);
    }

    private long sendAt(Schedule schedule, int people) throws InterruptedException {
        long list = TestContacts.list(database.jdbi(), "Parents", people);
        Quote quote = broadcasts.quote("School is closed tomorrow", List.of(list), false).at(schedule);
        long broadcast = broadcasts.start(quote);
        assertThat(broadcasts.sending(broadcast).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        return broadcast;
    }

    @Test
    void eachMessageIsHandedToTwilioWithTheChosenInstantInUtc() throws Exception {
        Schedule schedule = inTwoHours();
        long broadcast = sendAt(schedule, 120);

        assertThat(simulator.messages()).hasSize(120)
                .allSatisfy(message -> {
                    assertThat(message.sendAt()).isEqualTo(schedule.at());
                    assertThat(message.status()).isEqualTo("scheduled");
                });
        assertThat(new Broadcasts(database.jdbi()).find(broadcast).orElseThrow().schedule()).isEqualTo(schedule);
    }

    @Test
    void takingItBackCancelsEveryMessageAndReportsTheOnesItWasTooLateFor() throws Exception {
        long broadcast = sendAt(inTwoHours(), 250);
        // one the simulator no longer holds as scheduled: Twilio answers 30409
        String gone = simulator.messages().get(0).sid();
        assertThat(twilio.current().scheduledMessages().orElseThrow().cancel(gone)).isTrue();

        ScheduledBroadcasts.Cancelled cancelled = scheduled.cancel(twilio.current(), broadcast, done -> { });

        assertThat(cancelled.canceled()).isEqualTo(249);
        assertThat(cancelled.tooLate()).isEqualTo(1);
        assertThat(cancelled.problem()).isNull();
        assertThat(simulator.messages()).extracting(TwilioSimulator.Message::status).containsOnly("canceled");
        assertThat(new Broadcasts(database.jdbi()).find(broadcast).orElseThrow().state()).isEqualTo(BroadcastState.CANCELLED);
        assertThat(new Broadcasts(database.jdbi()).latestScheduled()).isEmpty();
    }

    @Test
    void aTakeBackTwilioStopsHalfwayKeepsWhatItDidAndTheNextFinishesIt() throws Exception {
        long broadcast = sendAt(inTwoHours(), 150);
        // the 101st cancel meets a Twilio that is down: the hundred of the first commit stay cancelled
        ScheduledBroadcasts.Cancelled stopped = scheduled.cancel(twilio.current(), broadcast, done -> {
            if (done == 100) {
                simulator.failNext(Fault.UNAVAILABLE, 1);
            }
        });
        assertThat(stopped.canceled()).isEqualTo(100);
        assertThat(stopped.problem()).endsWith("Take it back again to cancel the rest.");
        assertThat(simulator.messages()).filteredOn(message -> message.status().equals("canceled")).hasSize(100);

        ScheduledBroadcasts.Cancelled again = scheduled.cancel(twilio.current(), broadcast, done -> { });
        assertThat(again.canceled()).isEqualTo(50);
        assertThat(simulator.messages()).extracting(TwilioSimulator.Message::status).containsOnly("canceled");
    }

    @Test
    void aNumberThatOptsOutBeforeItsTimeHasItsMessageTakenBackAtTheNextCheck() throws Exception {
        sendAt(inTwoHours(), 30);
        String leaving = "+14152000007";
        new OptOuts(database.jdbi()).add(leaving, "replied STOP", "test");

        StatusSync.Report report = new StatusSync(database.jdbi(), scheduled, () -> ReplyKeywords.TWILIO_DEFAULTS, Clock.systemUTC())
                .check(twilio.current());

        assertThat(report.takenBack()).isEqualTo(1);
        assertThat(simulator.messages()).allSatisfy(message -> assertThat(message.status())
                .isEqualTo(message.to().equals(leaving) ? "canceled" : "scheduled"));
    }

    @Test
    void quietHoursGiveAlaskaEightOnAdakAndNewYorkTheTimeChosen() throws Exception {
        ZoneId newYork = ZoneId.of("America/New_York");
        long list = new RecipientLists(database.jdbi()).create("Families").id();
        Contacts contacts = new Contacts(database.jdbi());
        for (int i = 10; i < 20; i++) {
            contacts.add(list, "+121255501" + i, "New York " + i);
            contacts.add(list, "+190799901" + i, "Alaska " + i);
        }
        LocalDateTime eleven = LocalDate.now(newYork).plusDays(1).atTime(11, 0);
        Quote quote = broadcasts.quote("Snow day: no school", List.of(list), false)
                .at(Schedule.chosen(eleven, newYork, Instant.now(), ChannelKind.MESSAGES))
                .within(new QuietRule(QuietHours.US_RULE, newYork));

        QuietPreview preview = broadcasts.quietPreview(quote);
        assertThat(preview.atOnce()).as("at the time chosen").isEqualTo(10);
        assertThat(preview.later()).isEqualTo(10);
        Instant eightOnAdak = eleven.toLocalDate().atTime(8, 0).atZone(ZoneId.of("America/Adak")).toInstant();
        assertThat(preview.last()).isEqualTo(eightOnAdak);

        long broadcast = broadcasts.start(quote);
        assertThat(broadcasts.sending(broadcast).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(simulator.messages()).hasSize(20).allSatisfy(message -> assertThat(message.sendAt())
                .isEqualTo(message.to().startsWith("+1907") ? eightOnAdak : eleven.atZone(newYork).toInstant()));
    }

    @Test
    void aTimeTwilioCannotHoldIsRefusedInWords() {
        Instant now = Instant.now();
        LocalDateTime berlinNow = LocalDateTime.ofInstant(now, BERLIN);
        assertThatThrownBy(() -> Schedule.chosen(berlinNow.plusMinutes(10), BERLIN, now, ChannelKind.MESSAGES))
                .hasMessageStartingWith("Twilio holds a message from 15 minutes ahead")
                .hasMessageContaining("(Europe/Berlin) is 10 minutes away");
        assertThatThrownBy(() -> Schedule.chosen(berlinNow.plusDays(40), BERLIN, now, ChannelKind.MESSAGES))
                .hasMessageContaining("at most 35 days ahead");
        assertThatThrownBy(() -> Schedule.chosen(berlinNow.minusHours(1), BERLIN, now, ChannelKind.NOTIFY))
                .hasMessageEndingWith("has passed. Choose a later time, or send now.");
        // Notify's are held by Herald: ten minutes ahead is fine
        assertThat(Schedule.chosen(berlinNow.plusMinutes(10), BERLIN, now, ChannelKind.NOTIFY).at())
                .isAfter(now.plus(Duration.ofMinutes(9)));
    }
}
