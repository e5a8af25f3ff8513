package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.OptOuts;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** herald send, resume and history against a simulator this test owns, through HERALD_TWILIO_BASE_URL. */
class SendCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TwilioSimulator simulator;
    private Map<String, String> environment;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        environment = Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                "TWILIO_NOTIFY_SERVICE_SID", TwilioSimulator.SERVICE_SID, "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString());
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 12_000);
            TestContacts.list(storage.jdbi(), "Teachers", 12_000);
            new OptOuts(storage.jdbi()).add("+14152000001", "STOP", "test");
        }
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int herald(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home), environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void importKeepsTheColumnsAskedForAndSendGivesEachPersonTheirOwnText() throws Exception {
        environment = new HashMap<>(environment);
        environment.put("TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID);
        // as fast as the simulator answers: at a US long code's pace, 150 messages took two and a half minutes
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        Path file = Path.of(getClass().getResource("/samples/excel-de-semicolon-bom.csv").toURI());

        assertThat(herald("import", file.toString(), "--list", "Team", "--country", "DE", "--keep", "Nope")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("herald: The file has no column \"Nope\". Its columns are: Vorname,"
                + " Nachname, Handy, Gruppe.");
        assertThat(herald("import", file.toString(), "--list", "Team", "--country", "DE", "--keep", "gruppe")).isZero();
        assertThat(out.toString()).contains("Fields for personal messages: {first_name} {last_name} {gruppe}");
        assertThat(herald("contacts", "--list", "Team", "--search", "89721047", "--json")).isZero();
        JsonNode bjorn = JSON.readTree(out.toString()).get(0);
        assertThat(bjorn.get("firstName").asText()).isEqualTo("Bjørn");
        assertThat(bjorn.get("lastName").asText()).isEqualTo("Schäfer");
        assertThat(bjorn.get("fields").get("gruppe").asText()).isEqualTo("Team A");

        assertThat(herald("send", "--channel", "messages", "--list", "Team", "--message", "Hallo {first_name}, {gruppe|alle}!",
                "--yes")).isZero();

        assertThat(out.toString()).contains("Each person gets their own text").contains("The first, to +49");
        assertThat(simulator.messages()).isNotEmpty().allSatisfy(message -> assertThat(message.body())
                .matches("Hallo \\p{L}+, Team [A-Z]!"));
        assertThat(simulator.messages()).anySatisfy(message -> assertThat(message.body()).isEqualTo("Hallo Bjørn, Team A!"));

        assertThat(herald("send", "--channel", "notify", "--list", "Team", "--message", "Hallo {first_name}", "--yes"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Personal messages need a Messaging Service");
    }

    @Test
    void sendAtATimeHandsEachMessageToTwilioAndCancelTakesThemBack() throws Exception {
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        environment = new HashMap<>(environment);
        environment.put("TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDateTime nine = LocalDateTime.now(berlin).plusHours(3).truncatedTo(ChronoUnit.MINUTES);

        assertThat(herald("send", "--channel", "messages", "--list", "Parents", "--message", "Carols at nine",
                "--at", nine.toString(), "--zone", "Europe/Berlin", "--yes")).isZero();

        assertThat(out.toString()).contains("(Europe/Berlin)").contains("Twilio holds each message until then");
        assertThat(simulator.messages()).hasSize(11_999).allSatisfy(message -> {
            assertThat(message.status()).isEqualTo("scheduled");
            assertThat(message.sendAt()).isEqualTo(nine.atZone(berlin).toInstant());
        });

        assertThat(herald("cancel", "--yes")).isZero();
        assertThat(out.toString()).contains("11,999 messages cancelled at Twilio, 0 too late");
        assertThat(simulator.messages()).extracting(TwilioSimulator.Message::status).containsOnly("canceled");

        assertThat(herald("cancel", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("No broadcast is waiting for its time.");
        assertThat(herald("send", "--channel", "messages", "--list", "Parents", "--message", "Too soon",
                "--at", LocalDateTime.now(berlin).plusMinutes(5).toString(), "--zone", "Europe/Berlin", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("Twilio holds a message from 15 minutes ahead");
    }

    @Test
    void sendReachesEachNumberOnceAndHistoryTellsTheBatchesAndSids() throws Exception {
        Path message = Files.writeString(home.resolve("message.txt"), "School closes at noon\n");
        Files.writeString(home.resolve("ui.properties"), "price.perSegment=0.05\nprice.currency=EUR\n");

        assertThat(herald("send", "--list", "Parents", "--list", "teachers", "--message-file", message.toString(), "--yes"))
                .isZero();

        assertThat(out.toString()).contains("11,999 recipients through Notify in 2 batches, LIVE, about EUR 599.95.")
                .contains("every batch has ended");
        assertThat(simulator.accepted()).extracting(accepted -> accepted.addresses().size()).containsExactly(10_000, 1_999);
        assertThat(simulator.accepted()).allSatisfy(accepted -> assertThat(accepted.body()).isEqualTo("School closes at noon"));

        assertThat(herald("history", "--json")).isZero();
        JsonNode broadcast = JSON.readTree(out.toString()).get(0);
        assertThat(broadcast.get("state").asText()).isEqualTo("FINISHED");
        assertThat(broadcast.get("mode").asText()).isEqualTo("LIVE");
        assertThat(broadcast.get("channel").asText()).isEqualTo("notify");
        assertThat(broadcast.get("recipients").asInt()).isEqualTo(11_999);
        assertThat(broadcast.get("lists").asText()).isEqualTo("Parents, Teachers");
        assertThat(broadcast.get("batches")).hasSize(2).allSatisfy(batch -> {
            assertThat(batch.get("state").asText()).isEqualTo("ACCEPTED");
            assertThat(batch.get("sid").asText()).startsWith("NT");
            assertThat(batch.get("errorCode").isNull()).isTrue();
        });
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsSent() {
        assertThat(herald("send", "--list", "Parents", "--message", "Hello")).isEqualTo(1);

        assertThat(err.toString()).contains("nothing sent").contains("--yes");
        assertThat(simulator.notificationRequests()).isZero();
        herald("history", "--json");
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void resumeSendsWhatIsPendingAndNeverWhatIsUncertain() throws Exception {
        simulator.failNext(Fault.SERVER_ERROR, 1);
        simulator.failNext(Fault.RATE_LIMIT, 5);

        assertThat(herald("send", "--list", "Parents", "--message", "Hello", "--yes")).isEqualTo(1);
        assertThat(out.toString()).contains("batch 1: 10,000 recipients, UNCERTAIN").contains("batch 2: 1,999 recipients, PENDING");

        assertThat(herald("resume", "--yes")).as("a batch stays uncertain").isEqualTo(1);
        assertThat(out.toString()).contains("batch 2: 1,999 recipients, ACCEPTED").contains("batch 1: 10,000 recipients, UNCERTAIN");
        assertThat(simulator.accepted()).singleElement().satisfies(accepted -> assertThat(accepted.addresses()).hasSize(1_999));

        assertThat(herald("resume", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("No broadcast has anything waiting to be sent.");
    }

    @Test
    void theMessagingChannelSendsOneMessageEachAndRecipientsListsTheirSids() throws Exception {
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        simulator.refuse("+14152000005", 21610);
        environment = Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                "TWILIO_NOTIFY_SERVICE_SID", TwilioSimulator.SERVICE_SID,
                "TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString());

        assertThat(herald("send", "--channel", "messages", "--list", "Parents", "--message", "Hello", "--yes"))
                .as("one refused: not every message accepted").isEqualTo(1);

        assertThat(out.toString()).contains("11,999 recipients through a Messaging Service, one message each, LIVE")
                .contains("11,999 recipients: 11,998 accepted, 1 refused, 0 uncertain");
        assertThat(simulator.accepted()).as("nothing through Notify").isEmpty();
        Map<String, String> sent = new java.util.HashMap<>();
        simulator.messages().forEach(message -> assertThat(sent.put(message.to(), message.sid())).as("once").isNull());
        assertThat(sent).hasSize(11_998);

        assertThat(herald("recipients", "--json")).isZero();
        JsonNode recipients = JSON.readTree(out.toString());
        assertThat(recipients).hasSize(11_999);
        recipients.forEach(recipient -> {
            String number = recipient.get("e164").asText();
            if (number.equals("+14152000005")) {
                assertThat(recipient.get("state").asText()).isEqualTo("FAILED");
                assertThat(recipient.get("errorCode").asInt()).isEqualTo(21610);
            } else {
                assertThat(recipient.get("state").asText()).isEqualTo("ACCEPTED");
                assertThat(recipient.get("sid").asText()).isEqualTo(sent.get(number));
            }
            assertThat(recipient.get("status").isNull()).as("until delivery status is fetched").isTrue();
        });
        assertThat(herald("optouts", "--json")).isZero();
        assertThat(out.toString()).contains("+14152000005").contains("Twilio: replied STOP");

        assertThat(herald("history", "--json")).isZero();
        JsonNode broadcast = JSON.readTree(out.toString()).get(0);
        assertThat(broadcast.get("channel").asText()).isEqualTo("messages");
        assertThat(broadcast.get("accepted").asInt()).isEqualTo(11_998);
        assertThat(broadcast.get("failed").asInt()).isEqualTo(1);
        assertThat(broadcast.get("batches")).isEmpty();

        assertThat(herald("send", "--channel", "fax", "--list", "Parents", "--message", "Hello", "--yes")).isNotZero();
        assertThat(err.toString()).contains("--channel is messages (a Messaging Service) or notify, not fax");
    }
}
