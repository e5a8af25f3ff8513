package app.herald.broadcast;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.OptOuts;
import app.herald.contacts.TestContacts;
import app.herald.message.Encoding;
import app.herald.message.MessageAnalyser;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Database;
import app.herald.settings.ChannelKind;
import app.herald.twilio.TwilioConnections;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one path of a broadcast, from its quote to its history, on real H2 and the embedded simulator. */
class BroadcastServiceTest {

    /** 100 characters with a curly apostrophe: UCS-2 as typed, GSM-7 once Smart Encoding makes it a plain one. */
    private static final String CURLY = "We\u2019re closed tomorrow. " + "x".repeat(76);

    @TempDir
    Path folder;

    private Database database;
    private TwilioConnections twilio;
    private BroadcastService broadcasts;
    private long parents;
    private long teachers;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        twilio = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of());
        broadcasts = TestBroadcasts.service(database.jdbi(), twilio);
        parents = TestContacts.list(database.jdbi(), "Parents", 1, 15_000);
        teachers = TestContacts.list(database.jdbi(), "Teachers", 14_001, 11_000);
        new OptOuts(database.jdbi()).add("+14152000007", "STOP", "test");
    }

    @AfterEach
    void close() {
        twilio.close();
        database.close();
    }

    @Test
    void aQuoteCountsEachNumberOnceLeavesOptOutsOutAndPricesTheSegments() {
        Quote quote = broadcasts.quote("School closes at noon", List.of(parents, teachers), false);

        assertThat(quote.recipients()).isEqualTo(24_999);
        assertThat(quote.duplicates()).isEqualTo(1_000);
        assertThat(quote.optedOut()).isEqualTo(1);
        assertThat(quote.segments()).isEqualTo(1);
        assertThat(quote.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(quote.requests()).as("Notify batches of 10,000").isEqualTo(3);
        assertThat(quote.cost()).isEqualByComparingTo(new BigDecimal("207.49"));
        assertThat(quote.mode()).isEqualTo(Mode.SIMULATION);
        assertThat(quote.channel()).isEqualTo(ChannelKind.NOTIFY);
        assertThat(quote.resumes()).isFalse();
    }

    /**
     * With Smart Encoding on, the Messaging Service replaces the curly apostrophe before sending,
     * and Twilio bills the GSM-7 message it sent: one segment, not UCS-2's two. The confirmation
     * showed that count; the history now records the same one (it used to count the text as typed).
     */
    @Test
    void theHistoryCountsTheSegmentsTheConfirmationShowed() {
        assertThat(MessageAnalyser.analyse(CURLY).segments()).as("as typed").isEqualTo(2);
        Quote quote = broadcasts.quote(CURLY, List.of(parents), true);
        assertThat(quote.segments()).isEqualTo(1);
        assertThat(quote.encoding()).isEqualTo(Encoding.GSM_7);

        long id = broadcasts.start(quote);

        BroadcastSummary recorded = new Broadcasts(database.jdbi()).find(id).orElseThrow();
        assertThat(recorded.segments()).isEqualTo(quote.segments());
        assertThat(recorded.encoding()).isEqualTo("GSM-7");
        assertThat(recorded.body()).as("the text as typed: the service replaces it").isEqualTo(CURLY);
    }

    @Test
    void aBroadcastIsSentOnlyInTheModeItWasMadeIn() throws Exception {
        long live = TestBroadcasts.plan(database.jdbi(), Mode.LIVE, "Hello", List.of(parents));

        assertThatThrownBy(() -> broadcasts.sending(live)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Broadcast " + live + " was prepared in LIVE and Herald is SIMULATION now: it is sent only in LIVE.");
        BroadcastSummary untouched = new Broadcasts(database.jdbi()).find(live).orElseThrow();
        assertThat(untouched.state()).isEqualTo(BroadcastState.READY);

        Quote resume = broadcasts.resumeQuote(untouched);
        assertThat(resume.mode()).isEqualTo(Mode.LIVE);
        assertThat(resume.recipients()).as("one of the parents opted out").isEqualTo(14_999);
        assertThatThrownBy(() -> broadcasts.start(resume)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStartedBroadcastIsSentThroughTheChannelInForce() throws Exception {
        long id = broadcasts.start(broadcasts.quote("Hello", List.of(parents), false));
        Sending sending = broadcasts.sending(id);

        assertThat(sending.endedBefore()).isZero();
        assertThat(sending.run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(new Broadcasts(database.jdbi()).find(id).orElseThrow().accepted()).isEqualTo(14_999);
        assertThat(broadcasts.sending(id).endedBefore()).isEqualTo(2);
    }

    /** Between a desktop's plan and its run, another desktop's resume must not take the broadcast it was planned for. */
    @Test
    void aBroadcastJustPlannedIsSentByTheDesktopThatPlannedItNotAnother() throws Exception {
        BroadcastService otherBroadcasts = TestBroadcasts.service(
                TestDatabases.anotherDesktop(database, "desk-B", Duration.ofSeconds(60)), twilio);

        long id = broadcasts.start(broadcasts.quote("Hello", List.of(parents), false));

        assertThat(otherBroadcasts.sentElsewhere(id))
                .hasValueSatisfying(words -> assertThat(words).startsWith("Broadcast " + id + " is being sent by"));
        assertThatThrownBy(() -> otherBroadcasts.sending(id).run(progress -> { })).isInstanceOf(BroadcastBusyException.class);
        assertThat(broadcasts.sending(id).run(progress -> { })).isEqualTo(BroadcastState.FINISHED);
        assertThat(new Broadcasts(database.jdbi()).find(id).orElseThrow().accepted()).isEqualTo(14_999);
        assertThat(otherBroadcasts.sentElsewhere(id)).as("given back at the run's end").isEmpty();
    }

    @Test
    void theHistoryIsReadInOneQueryHoweverManyBroadcasts() {
        for (int i = 0; i < 3; i++) {
            broadcasts.start(broadcasts.quote("Notice " + i, List.of(parents, teachers), false));
        }
        List<String> statements = new ArrayList<>();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });

        List<BroadcastSummary> history = new Broadcasts(database.jdbi()).all();

        assertThat(statements).hasSize(1);
        assertThat(history).extracting(BroadcastSummary::body)
                .containsExactly("Notice 2", "Notice 1", "Notice 0");
        assertThat(history).allSatisfy(broadcast -> assertThat(broadcast.batches()).extracting(Batch::number)
                .containsExactly(1, 2, 3));
        assertThat(new Broadcasts(database.jdbi()).anyNeedsAPerson()).as("three broadcasts wait to be sent").isTrue();
    }
}
