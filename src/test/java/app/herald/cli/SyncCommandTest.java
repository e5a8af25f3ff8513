package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * herald sync against a simulator whose messages end at once: the statuses Herald stores are the
 * simulator's, within a budget of requests; STOP replies become opt-outs that the next broadcast
 * leaves out; "Thanks!", a sentence with "stop" and a STOP undone by START do not.
 */
class SyncCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECIPIENTS = 10_000;

    @TempDir
    Path home;

    private TwilioSimulator simulator;
    private CommandLineRun run;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        simulator.setDeliveryTimes(Duration.ZERO, Duration.ZERO);
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", RECIPIENTS);
        }
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** LIVE through this channel ("messages" or "notify") to this test's simulator. */
    private void through(String channel) {
        run = new CommandLineRun(home, Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                channel.equals("messages") ? "TWILIO_MESSAGING_SERVICE_SID" : "TWILIO_NOTIFY_SERVICE_SID",
                channel.equals("messages") ? TwilioSimulator.MESSAGING_SERVICE_SID : TwilioSimulator.SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString()));
    }

    private int herald(String... args) {
        return run.herald(args);
    }

    @Test
    void statusesAfterASyncAreTheSimulatorsWithinTheBudgetAndStopRepliesOptOut() throws Exception {
        through("messages");
        assertThat(herald("send", "--list", "Parents", "--message", "Term starts Monday", "--yes")).isZero();
        // the replies come a second or two after each message ends
        Thread.sleep(2_500);
        int readsBefore = simulator.logReads();

        assertThat(herald("sync")).as(run.err()).isZero();

        int reads = simulator.logReads() - readsBefore;
        assertThat(reads).as("about one list page per thousand messages, not one fetch each")
                .isLessThanOrEqualTo((RECIPIENTS + 999) / 1_000 + 6);
        assertThat(run.out()).contains(reads + " requests").contains("1 broadcasts followed")
                .contains("9,500 delivered, 0 sent, 400 undelivered, 100 failed, 0 no answer yet (complete)");
        Map<String, TwilioSimulator.Message> atTwilio = simulator.messages().stream()
                .collect(Collectors.toMap(TwilioSimulator.Message::sid, message -> message));
        assertThat(herald("recipients", "--json")).isZero();
        JsonNode recipients = JSON.readTree(run.out());
        assertThat(recipients).hasSize(RECIPIENTS);
        recipients.forEach(recipient -> {
            TwilioSimulator.Message message = atTwilio.get(recipient.get("sid").asText());
            assertThat(recipient.get("status").asText()).as(recipient.get("e164").asText()).isEqualTo(message.status());
            assertThat(recipient.get("errorCode").isNull() ? null : recipient.get("errorCode").asInt())
                    .isEqualTo(message.errorCode());
            assertThat(recipient.get("matchedFromLog").asBoolean()).isFalse();
        });
        JsonNode landline = find(recipients, "+14152000006");
        assertThat(landline.get("status").asText()).isEqualTo("undelivered");
        assertThat(landline.get("errorMessage").asText()).isEqualTo("A landline, or a carrier that cannot take SMS. Error 30006.");

        assertThat(herald("optouts", "--json")).isZero();
        Map<String, String> optedOut = new HashMap<>();
        JSON.readTree(run.out()).forEach(optOut -> optedOut.put(optOut.get("e164").asText(), optOut.get("source").asText()));
        assertThat(optedOut).as("STOP and \" stop \", 100 of each; START undid the STOPs of those ending 15").hasSize(200);
        assertThat(optedOut.get("+14152000011")).startsWith("replied STOP on ");
        assertThat(optedOut).containsKey("+14152000112").doesNotContainKeys("+14152000013", "+14152000014", "+14152000015");

        assertThat(herald("history", "--json")).isZero();
        JsonNode deliveries = JSON.readTree(run.out()).get(0).get("deliveries");
        assertThat(deliveries.get("delivered").asInt()).isEqualTo(9_500);
        assertThat(deliveries.get("undelivered").asInt()).isEqualTo(400);
        assertThat(deliveries.get("failed").asInt()).isEqualTo(100);
        assertThat(deliveries.get("noAnswerYet").asInt()).isZero();
        assertThat(deliveries.get("complete").asBoolean()).isTrue();

        assertThat(herald("sync")).isZero();
        assertThat(run.out()).as("a complete broadcast is not followed again; replies are kept once")
                .contains("0 broadcasts followed").contains("0 new replies");

        assertThat(herald("send", "--list", "Parents", "--message", "Term starts Tuesday", "--yes")).isZero();
        assertThat(run.out()).as("the numbers that replied STOP are left out").contains("9,800 recipients");
    }

    @Test
    void notifyDeliveriesAreMatchedFromTwilioLogByNumberBodyAndTime() throws Exception {
        through("notify");
        assertThat(herald("send", "--list", "Parents", "--message", "Term starts Monday", "--yes")).isZero();

        assertThat(herald("sync")).as(run.err()).isZero();

        assertThat(run.out()).contains("9,500 delivered, 0 sent, 400 undelivered, 100 failed, 0 no answer yet (complete)");
        assertThat(herald("recipients", "--json")).isZero();
        JsonNode recipients = JSON.readTree(run.out());
        assertThat(recipients).allSatisfy(recipient -> {
            assertThat(recipient.get("matchedFromLog").asBoolean()).isTrue();
            assertThat(recipient.get("sid").asText()).startsWith("SM");
        });
        assertThat(find(recipients, "+14152000105").get("errorCode").asInt()).isEqualTo(30005);
    }

    @Test
    void aFinalStatusIsNeverUndoneAndAnOlderAnswerNeverOverwritesANewerOne() throws Exception {
        through("messages");
        assertThat(herald("send", "--list", "Parents", "--message", "Term starts Monday", "--yes")).isZero();
        assertThat(herald("sync")).isZero();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        try (Storage storage = TestStorage.open(home)) {
            storage.jdbi().useHandle(handle -> {
                // what a newer answer said: a landline's message delivered after all, another one still only sent
                handle.execute("UPDATE broadcast_recipient SET status = 'delivered', error_code = NULL WHERE e164 = '+14152000006'");
                handle.createUpdate("UPDATE broadcast_recipient SET status = 'sent', status_at = :later WHERE e164 = '+14152000001'")
                        .bind("later", later.atOffset(ZoneOffset.UTC)).execute();
                handle.execute("UPDATE broadcast SET statuses_settled_at = NULL");
            });
        }

        assertThat(herald("sync")).isZero();

        assertThat(herald("recipients", "--json")).isZero();
        JsonNode recipients = JSON.readTree(run.out());
        assertThat(find(recipients, "+14152000006").get("status").asText()).as("final: not looked at again").isEqualTo("delivered");
        assertThat(find(recipients, "+14152000001").get("status").asText()).as("the log's answer is older").isEqualTo("sent");
        assertThat(find(recipients, "+14152000002").get("status").asText()).isEqualTo("delivered");
    }

    @Test
    void messagesNotSentYetAreFetchedOneByOneButOnlyAFewACheck() throws Exception {
        simulator.setDeliveryTimes(Duration.ofMinutes(10), Duration.ofMinutes(20));
        through("messages");
        assertThat(herald("send", "--list", "Parents", "--message", "Term starts Monday", "--yes")).isZero();
        int readsBefore = simulator.logReads();

        assertThat(herald("sync")).isZero();

        assertThat(simulator.logReads() - readsBefore).as("one empty page of sent messages, a hundred fetches, the replies")
                .isBetween(101, 106);
        assertThat(run.out()).contains("0 statuses changed").contains("10,000 no answer yet");
    }

    private static JsonNode find(JsonNode recipients, String e164) {
        for (JsonNode recipient : recipients) {
            if (recipient.get("e164").asText().equals(e164)) {
                return recipient;
            }
        }
        throw new AssertionError(e164 + " is not a recipient");
    }
}
