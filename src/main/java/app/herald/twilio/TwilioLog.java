package app.herald.twilio;

import app.herald.settings.TwilioCredentials;
import com.twilio.base.Page;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Twilio's log of an account's messages, read as a desktop must (it gets no webhooks): what
 * happened to the messages Herald sent, and the replies people sent back. One request at a time;
 * a 429 waits as Twilio asks (else 1, 2, 4… s) and asks again, a GET being safe to repeat, up to
 * {@link Backoff#MOST_IN_A_ROW} times. Counts its requests, so a caller can keep to a budget.
 */
public final class TwilioLog {

    /** Twilio's largest page: a million messages in a thousand requests. */
    public static final int PAGE_SIZE = 1_000;

    /** One message as the log shows it: outbound (Herald's, or Notify's) or inbound (a reply). */
    public record Logged(String sid, String to, String from, String serviceSid, String body, boolean inbound, String status,
            Integer errorCode, String errorMessage, Instant createdAt, Instant sentAt, Instant updatedAt) {

        /** When it was sent, or made when it was not sent (yet). */
        public Instant sentOrCreated() {
            return sentAt != null ? sentAt : createdAt;
        }
    }

    /** Something to wait with: a test waits for nothing. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final TwilioRestClient client;
    private final TwilioHttpClient http;
    private final Sleeper sleeper;
    private int requests;

    TwilioLog(TwilioCredentials credentials, URI baseUrl, Duration readTimeout, Sleeper sleeper) {
        this.http = new TwilioHttpClient(baseUrl, readTimeout);
        this.client = http.restClient(credentials);
        this.sleeper = sleeper;
    }

    /**
     * The messages sent since the start of {@code since}'s day (UTC: Twilio's DateSent filter takes
     * days), newest first, a page at a time, until {@code eachPage} says it has had enough. A message
     * not sent yet has no date_sent and is not in it: {@link #fetch} it.
     */
    public void sentSince(Instant since, Predicate<List<Logged>> eachPage) throws GatewayException, InterruptedException {
        pages(Message.reader().setDateSentAfter(startOfDay(since)), eachPage);
    }

    /** The replies to one sender since the start of {@code since}'s day (UTC), newest first. */
    public List<Logged> receivedBy(String sender, Instant since) throws GatewayException, InterruptedException {
        List<Logged> replies = new ArrayList<>();
        pages(Message.reader().setTo(new PhoneNumber(sender)).setDateSentAfter(startOfDay(since)), page -> {
            page.stream().filter(Logged::inbound).forEach(replies::add);
            return true;
        });
        return replies;
    }

    /** Reads {@code reader}'s pages of {@link #PAGE_SIZE}, following next_page_uri, until {@code eachPage} has had enough. */
    private void pages(MessageReader reader, Predicate<List<Logged>> eachPage) throws GatewayException, InterruptedException {
        reader.setPageSize((long) PAGE_SIZE);
        Page<Message> page = request(() -> reader.firstPage(client));
        while (eachPage.test(logged(page.getRecords())) && page.hasNextPage()) {
            Page<Message> current = page;
            page = request(() -> reader.nextPage(current, client));
        }
    }

    private static ZonedDateTime startOfDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    }

    /** One message by its SID; empty when Twilio's log no longer (or never) had it. */
    public Optional<Logged> fetch(String sid) throws GatewayException, InterruptedException {
        try {
            return Optional.of(logged(request(() -> Message.fetcher(sid).fetch(client))));
        } catch (GatewayException e) {
            if (e.code() != null && e.code() == 20404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The phone numbers a Messaging Service sends from, which its replies come to. */
    public List<String> senders(String messagingServiceSid) throws GatewayException, InterruptedException {
        List<String> senders = new ArrayList<>();
        request(() -> {
            com.twilio.rest.messaging.v1.service.PhoneNumber.reader(messagingServiceSid).read(client)
                    .forEach(number -> senders.add(number.getPhoneNumber().toString()));
            return senders;
        });
        return senders;
    }

    /** The Messaging Service a Notify service sends its SMS through, or empty when it has none. */
    public Optional<String> messagingServiceOf(String notifyServiceSid) throws GatewayException, InterruptedException {
        return Optional.ofNullable(request(() -> com.twilio.rest.notify.v1.Service.fetcher(notifyServiceSid).fetch(client))
                .getMessagingServiceSid());
    }

    /** How many requests this log has made, each try counted. */
    public synchronized int requests() {
        return requests;
    }

    private interface Call<T> {
        T call();
    }

    private <T> T request(Call<T> call) throws GatewayException, InterruptedException {
        Backoff backoff = new Backoff();
        for (int tries = 1; ; tries++) {
            // a read of a thousand pages stops between two of them when Herald closes
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Herald is closing");
            }
            synchronized (this) {
                requests++;
            }
            try {
                return call.call();
            } catch (RuntimeException e) {
                GatewayException failure = Failures.classify(e, http);
                if (failure.httpStatus() == null) {
                    // what Failures says of a send without an answer ("nothing was sent") means nothing for a read
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new GatewayException(failure.outcome(), null, null, null,
                            "Herald could not reach Twilio (" + cause.getMessage() + ").", e);
                }
                if (failure.outcome() != Outcome.NOT_PROCESSED || tries >= Backoff.MOST_IN_A_ROW) {
                    throw failure;
                }
                sleeper.sleep(backoff.next(failure.retryAfter()));
            }
        }
    }

    private static List<Logged> logged(List<Message> messages) {
        List<Logged> logged = new ArrayList<>(messages.size());
        messages.forEach(message -> logged.add(logged(message)));
        return logged;
    }

    private static Logged logged(Message message) {
        return new Logged(message.getSid(), text(message.getTo()), message.getFrom() == null ? null : message.getFrom().toString(),
                message.getMessagingServiceSid(), message.getBody(), message.getDirection() == Message.Direction.INBOUND,
                message.getStatus() == null ? null : message.getStatus().toString(), message.getErrorCode(),
                message.getErrorMessage(), instant(message.getDateCreated()), instant(message.getDateSent()),
                instant(message.getDateUpdated()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
