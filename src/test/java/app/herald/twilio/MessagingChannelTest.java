package app.herald.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.settings.TwilioCredentials;
import app.herald.twilio.simulator.Fault;
import app.herald.twilio.simulator.TwilioSimulator;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Messaging channel: the real Twilio SDK, over real HTTP, against the simulator. */
class MessagingChannelTest {

    private TwilioSimulator simulator;
    private MessagingChannel channel;

    @BeforeEach
    void start() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        channel = new MessagingChannel(TwilioSimulator.MESSAGING_CREDENTIALS, simulator.baseUrl(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private GatewayException failure(String number, String body) {
        try {
            channel.send(List.of(number), body);
        } catch (GatewayException e) {
            return e;
        }
        throw new AssertionError("Twilio accepted what it should not have");
    }

    @Test
    void oneMessageIsOnePostWithToTheServiceAndTheBody() throws Exception {
        String sid = channel.send(List.of("+14155550100"), "School closes at noon");

        assertThat(sid).matches("SM[0-9a-f]{32}");
        assertThat(simulator.messageRequests()).isEqualTo(1);
        assertThat(simulator.messages()).singleElement().satisfies(message -> {
            assertThat(message.sid()).isEqualTo(sid);
            assertThat(message.to()).isEqualTo("+14155550100");
            assertThat(message.body()).isEqualTo("School closes at noon");
            assertThat(message.status()).isEqualTo("queued");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RATE_LIMIT", "SERVER_ERROR", "UNAVAILABLE"})
    void aFailedAnswerIsExactlyOnePost(Fault fault) {
        simulator.failNext(fault, 5);

        GatewayException failure = failure("+14155550100", "Hello");

        assertThat(simulator.messageRequests()).as("neither the SDK nor Apache HttpClient sent it again").isEqualTo(1);
        assertThat(failure.outcome()).isEqualTo(fault == Fault.RATE_LIMIT ? Outcome.NOT_PROCESSED : Outcome.UNCERTAIN);
        if (fault == Fault.RATE_LIMIT) {
            assertThat(failure.code()).isEqualTo(20429);
            assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"NO_CONTENT", "EMPTY_CREATED"})
    void aSuccessWithoutASidIsUncertainAndSaysTheAnswerWasUnusable(Fault fault) {
        simulator.failNext(fault, 1);

        GatewayException failure = failure("+14155550100", "Hello");

        assertThat(failure.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(failure.httpStatus()).isEqualTo(fault == Fault.NO_CONTENT ? 204 : 201);
        assertThat(failure.getMessage()).startsWith("Twilio's answer (HTTP " + failure.httpStatus() + ")")
                .contains("may or may not have been sent").doesNotContain("No answer");
        assertThat(simulator.messageRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerFarLargerThanTwilioEverSendsIsCutOffNotReadIntoMemory() {
        simulator.failNext(Fault.HUGE_ANSWER, 1);
        long usedBefore = usedHeap();

        GatewayException failure = failure("+14155550100", "Hello");

        assertThat(failure.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(failure.getMessage()).contains("larger than 16 MB").contains("may or may not have been sent");
        assertThat(usedHeap() - usedBefore).as("the answer was not kept").isLessThan(64L << 20);
    }

    private static long usedHeap() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    @Test
    void anHtmlPageIsReadByItsStatus() {
        simulator.failNext(Fault.HTML_RATE_LIMIT, 1);
        GatewayException slowDown = failure("+14155550100", "Hello");
        simulator.failNext(Fault.HTML_UNAUTHORIZED, 1);
        GatewayException refused = failure("+14155550100", "Hello");

        assertThat(slowDown.outcome()).as("a 429 is never processed, whatever its body").isEqualTo(Outcome.NOT_PROCESSED);
        assertThat(slowDown.getMessage()).contains("HTTP 429").contains("slow down");
        assertThat(refused.outcome()).as("a 401 stops the broadcast for the settings").isEqualTo(Outcome.CONFIGURATION);
        assertThat(refused.getMessage()).contains("HTTP 401").contains("credentials");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HANG", "DROP", "LOST_ANSWER"})
    void noAnswerIsUncertain(Fault fault) {
        simulator.failNext(fault, 1);

        GatewayException failure = failure("+14155550100", "Hello");

        assertThat(failure.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(failure.getMessage()).contains("may or may not have been sent");
        assertThat(simulator.messageRequests()).isEqualTo(1);
        assertThat(simulator.messages()).as("only a lost answer leaves a message behind")
                .hasSize(fault == Fault.LOST_ANSWER ? 1 : 0);
    }

    @Test
    void aNumberThatRepliedStopIsRefusedWith21610() {
        simulator.refuse("+14155550123", 21610);

        GatewayException failure = failure("+14155550123", "Hello");

        assertThat(failure.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(failure.code()).isEqualTo(21610);
        assertThat(failure.getMessage()).contains("replied STOP");
    }

    @Test
    void badInputIsRefusedAsTwilioDoes() {
        assertThat(failure("0415 555 0100", "Hello").code()).isEqualTo(21211);
        assertThat(failure("+14155550100", "x".repeat(1_601)).code()).isEqualTo(21617);
        assertThat(failure("+14155550100", "x".repeat(1_601)).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void wrongSettingsPauseRatherThanFailEachRecipient() throws Exception {
        MessagingChannel wrongService = new MessagingChannel(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN, "MG" + "9".repeat(32)), simulator.baseUrl(),
                Duration.ofSeconds(2));
        MessagingChannel wrongToken = new MessagingChannel(new TwilioCredentials(TwilioSimulator.ACCOUNT_SID,
                TwilioSimulator.ACCOUNT_SID, "wrong", TwilioSimulator.MESSAGING_SERVICE_SID), simulator.baseUrl(),
                Duration.ofSeconds(2));

        for (MessagingChannel wrong : List.of(wrongService, wrongToken)) {
            try {
                wrong.send(List.of("+14155550100"), "Hello");
                throw new AssertionError("sent with wrong settings");
            } catch (GatewayException e) {
                assertThat(e.outcome()).isEqualTo(Outcome.CONFIGURATION);
                assertThat(e.getMessage()).contains("Settings");
            }
        }
        assertThat(simulator.messages()).isEmpty();
    }

    @Test
    void moreCreatesAtOnceThanTheLimitAreAnswered429() throws Exception {
        simulator.setConcurrencyLimit(2);
        simulator.setLatency(Duration.ofMillis(300));
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String number = "+1415555010" + i;
                outcomes.add(senders.submit(() -> {
                    go.await();
                    try {
                        channel.send(List.of(number), "Hello");
                        return null;
                    } catch (GatewayException e) {
                        return e.outcome();
                    }
                }));
            }
            go.countDown();
            List<Outcome> refused = new ArrayList<>();
            for (Future<Outcome> outcome : outcomes) {
                if (outcome.get() != null) {
                    refused.add(outcome.get());
                }
            }
            assertThat(refused).isNotEmpty().containsOnly(Outcome.NOT_PROCESSED);
            assertThat(simulator.messages()).hasSize(6 - refused.size());
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void theLogFindsAMessageOfThisServiceAndBodySinceAGivenTime() throws Exception {
        Instant before = Instant.now();
        for (int i = 0; i < 120; i++) {
            channel.send(List.of("+14155550100"), "Other message " + i);
        }
        String sid = channel.send(List.of("+14155550101"), "The one");
        for (int i = 0; i < 60; i++) {
            channel.send(List.of("+14155550101"), "Later " + i);
        }

        assertThat(channel.find("+14155550101", "The one", before)).as("found past the first page").contains(sid);
        assertThat(channel.find("+14155550101", "Never sent", before)).isEmpty();
        assertThat(channel.find("+14155550102", "The one", before)).isEmpty();
        assertThat(channel.find("+14155550101", "The one", Instant.now().plusSeconds(5))).as("sent before the broadcast")
                .isEmpty();
    }

    @Test
    void theServiceSaysItsSendersRepliesAndValidity() throws Exception {
        MessagingChannel.ServiceInfo service = channel.fetchService();

        assertThat(service.sid()).isEqualTo(TwilioSimulator.MESSAGING_SERVICE_SID);
        assertThat(service.friendlyName()).isEqualTo("Herald simulator");
        assertThat(service.senders()).isEqualTo(2);
        assertThat(service.logsReplies()).isTrue();
        assertThat(service.smartEncoding()).isTrue();
        assertThat(service.validityPeriodSeconds()).isEqualTo(14_400);

        simulator.setInboundRequestUrl(null);
        assertThat(channel.fetchService().logsReplies()).isFalse();
    }

    /** The simulator's scheduling, as the next issue will use it through the same SDK. */
    @Test
    void theSimulatorSchedulesWithinItsWindowAndCancelsOnlyWhatIsScheduled() {
        TwilioRestClient client = new TwilioRestClient.Builder(TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN)
                .httpClient(new TwilioHttpClient(simulator.baseUrl(), Duration.ofSeconds(2))).build();
        ZonedDateTime tooSoon = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(5);
        ZonedDateTime inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1);
        com.twilio.type.PhoneNumber to = new com.twilio.type.PhoneNumber("+14155550100");

        try {
            Message.creator(to, TwilioSimulator.MESSAGING_SERVICE_SID, "Soon").setScheduleType(Message.ScheduleType.FIXED)
                    .setSendAt(tooSoon).create(client);
            throw new AssertionError("scheduled 5 minutes ahead");
        } catch (ApiException e) {
            assertThat(e.getCode()).isEqualTo(35114);
        }
        Message scheduled = Message.creator(to, TwilioSimulator.MESSAGING_SERVICE_SID, "Later")
                .setScheduleType(Message.ScheduleType.FIXED).setSendAt(inAnHour).create(client);
        assertThat(scheduled.getStatus()).isEqualTo(Message.Status.SCHEDULED);

        Message canceled = Message.updater(scheduled.getSid()).setStatus(Message.UpdateStatus.CANCELED).update(client);
        assertThat(canceled.getStatus()).isEqualTo(Message.Status.CANCELED);
        try {
            Message.updater(scheduled.getSid()).setStatus(Message.UpdateStatus.CANCELED).update(client);
            throw new AssertionError("canceled twice");
        } catch (ApiException e) {
            assertThat(e.getCode()).isEqualTo(30409);
        }
    }
}
