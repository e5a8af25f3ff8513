package app.herald.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioCredentials;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real Twilio SDK, over real HTTP, against the simulator. */
class NotifyChannelTest {

    @TempDir
    Path folder;

    private TwilioSimulator simulator;
    private NotifyChannel gateway;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, folder.resolve("accepted.jsonl"));
        gateway = new NotifyChannel(TwilioSimulator.CREDENTIALS, simulator.baseUrl(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static List<String> numbers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "+1415" + (2_000_000 + i)).toList();
    }

    private GatewayException failure(List<String> numbers, String body) {
        try {
            gateway.send(numbers, body);
        } catch (GatewayException e) {
            return e;
        }
        throw new AssertionError("Twilio accepted what it should not have");
    }

    @Test
    void aFullBatchOfTenThousandIsOneNotification() throws Exception {
        String sid = gateway.send(numbers(10_000), "School closes at noon");

        assertThat(sid).matches("NT[0-9a-f]{32}");
        assertThat(simulator.notificationRequests()).isEqualTo(1);
        assertThat(simulator.accepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.sid()).isEqualTo(sid);
            assertThat(accepted.addresses()).hasSize(10_000).startsWith("+14152000000").endsWith("+14152009999");
            assertThat(accepted.body()).isEqualTo("School closes at noon");
        });
        assertThat(Files.readAllLines(folder.resolve("accepted.jsonl"))).singleElement().asString().contains(sid);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RATE_LIMIT", "SERVER_ERROR", "UNAVAILABLE"})
    void oneCallIsOnePostWhateverTheAnswer(Fault fault) {
        simulator.failNext(fault, 5);

        GatewayException failure = failure(numbers(3), "Hello");

        assertThat(simulator.notificationRequests()).as("neither the SDK nor Apache HttpClient retried").isEqualTo(1);
        if (fault == Fault.RATE_LIMIT) {
            assertThat(failure.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
            assertThat(failure.code()).isEqualTo(20429);
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        } else {
            assertThat(failure.outcome()).isEqualTo(Outcome.UNCERTAIN);
            assertThat(failure.httpStatus()).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void noAnswerIsUncertainAndNoConnectionIsNotProcessed() throws Exception {
        simulator.failNext(Fault.HANG, 1);
        assertThat(failure(numbers(1), "Hello").outcome()).as("a read timeout").isEqualTo(Outcome.UNCERTAIN);

        simulator.failNext(Fault.DROP, 1);
        assertThat(failure(numbers(1), "Hello").outcome()).as("a dropped connection").isEqualTo(Outcome.UNCERTAIN);

        URI gone = simulator.baseUrl();
        simulator.close();
        NotifyChannel nobodyThere = new NotifyChannel(TwilioSimulator.CREDENTIALS, gone, Duration.ofSeconds(2));
        assertThatThrownBy(() -> nobodyThere.send(numbers(1), "Hello"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
                    assertThat(e.getMessage()).startsWith("Herald could not reach Twilio, so nothing was sent");
                });
    }

    @Test
    void wrongSettingsStopTheBroadcastWithWordsToFixThem() {
        NotifyChannel wrongToken = new NotifyChannel(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, "wrong", TwilioSimulator.SERVICE_SID), simulator.baseUrl(), Duration.ofSeconds(2));
        assertThatThrownBy(() -> wrongToken.send(numbers(1), "Hello")).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.CONFIGURATION);
            assertThat(e.code()).isEqualTo(20003);
            assertThat(e.getMessage()).startsWith("Twilio did not accept the Account SID and Auth Token");
        });

        NotifyChannel wrongService = new NotifyChannel(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN, "IS" + "9".repeat(32)), simulator.baseUrl(),
                Duration.ofSeconds(2));
        assertThatThrownBy(wrongService::fetchService).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.code()).isEqualTo(20404));
    }

    @Test
    void whatTwilioRefusesIsRejectedWithItsCode() {
        GatewayException badNumber = failure(List.of("+14152000000", "4152000001"), "Hello");
        assertThat(badNumber.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(badNumber.code()).isEqualTo(21211);

        GatewayException tooLong = failure(numbers(1), "a".repeat(1_601));
        assertThat(tooLong.code()).isEqualTo(21617);
        assertThat(tooLong.getMessage()).contains("1,600 characters");
        assertThat(simulator.accepted()).isEmpty();
    }

    @Test
    void testConnectionShowsTheServiceAndItsMessagingService() throws Exception {
        NotifyChannel.ServiceInfo service = gateway.fetchService();

        assertThat(service.friendlyName()).isEqualTo("Herald simulator");
        assertThat(service.messagingServiceSid()).isEqualTo(TwilioSimulator.MESSAGING_SERVICE_SID);
    }

    @Test
    void theBaseUrlComesFromTheEnvironmentAndTheSecretNeverFromToString() {
        assertThat(TwilioConnections.baseUrl(Map.of("HERALD_TWILIO_BASE_URL", "http://localhost:4010")))
                .isEqualTo(URI.create("http://localhost:4010"));
        assertThat(TwilioConnections.baseUrl(Map.of())).isNull();
        assertThat(TwilioSimulator.CREDENTIALS.toString()).doesNotContain(TwilioSimulator.AUTH_TOKEN);
        assertThat(TwilioCredentials.fromEnvironment(Map.of("TWILIO_ACCOUNT_SID", "AC1", "TWILIO_API_KEY", "SK1",
                "TWILIO_API_SECRET", "s", "TWILIO_NOTIFY_SERVICE_SID", "IS1"), ChannelKind.NOTIFY)).hasValueSatisfying(credentials ->
                assertThat(credentials.username()).isEqualTo("SK1"));
    }
}
