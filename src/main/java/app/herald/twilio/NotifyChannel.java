package app.herald.twilio;

import app.herald.settings.TwilioCredentials;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.notify.v1.Service;
import com.twilio.rest.notify.v1.service.Notification;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;

/**
 * The Notify channel, through Twilio's official SDK on {@link TwilioHttpClient}: one call is one
 * POST of up to 10,000 bindings, and a failure is sorted into what it means for the journal. Not
 * thread-safe: one dispatcher uses it.
 */
public final class NotifyChannel implements Channel {

    /** Twilio accepts at most this many bindings in one notification. */
    public static final int MAX_BINDINGS = 10_000;

    /** What "test connection" shows: the Notify service and the Messaging Service it sends SMS through (null when none). */
    public record ServiceInfo(String sid, String friendlyName, String messagingServiceSid) {
    }

    private final TwilioRestClient client;
    private final TwilioHttpClient http;
    private final String serviceSid;

    /**
     * @param baseUrl     where every request goes instead of *.twilio.com, or null for Twilio itself
     * @param readTimeout how long an answer may take before the call counts as uncertain
     */
    public NotifyChannel(TwilioCredentials credentials, URI baseUrl, Duration readTimeout) {
        this.http = new TwilioHttpClient(baseUrl, readTimeout);
        this.client = new TwilioRestClient.Builder(credentials.username(), credentials.secret())
                .accountSid(credentials.accountSid())
                .httpClient(http)
                .build();
        this.serviceSid = credentials.serviceSid();
    }

    /** HERALD_TWILIO_BASE_URL, when set, points every Twilio request at another base URL. */
    public static URI baseUrl(Map<String, String> environment) {
        String value = environment.get("HERALD_TWILIO_BASE_URL");
        return value == null || value.isBlank() ? null : URI.create(value.strip());
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.NOTIFY;
    }

    /** Creates one notification. @return its SID ({@code NT…}) */
    @Override
    public String send(List<String> e164Numbers, String body) throws GatewayException {
        if (e164Numbers.isEmpty() || e164Numbers.size() > MAX_BINDINGS) {
            throw new IllegalArgumentException("a notification takes 1 to " + MAX_BINDINGS + " numbers, not " + e164Numbers.size());
        }
        List<String> bindings = new ArrayList<>(e164Numbers.size());
        for (String number : e164Numbers) {
            bindings.add("{\"binding_type\":\"sms\",\"address\":\"" + number + "\"}");
        }
        try {
            return Notification.creator(serviceSid).setToBinding(bindings).setBody(body).create(client).getSid();
        } catch (TwilioException e) {
            throw classify(e);
        }
    }

    /** The service, for "test connection". */
    public ServiceInfo fetchService() throws GatewayException {
        try {
            Service service = Service.fetcher(serviceSid).fetch(client);
            return new ServiceInfo(service.getSid(), service.getFriendlyName(), service.getMessagingServiceSid());
        } catch (TwilioException e) {
            throw classify(e);
        }
    }

    /**
     * An answer comes as an ApiException with Twilio's code and the status from its JSON body; no
     * answer (refused, timed out, reset) comes without a status, and its cause says what happened.
     */
    private GatewayException classify(TwilioException failure) {
        return failure instanceof ApiException answer && answer.getStatusCode() != null ? fromAnswer(answer) : withoutAnswer(failure);
    }

    private GatewayException fromAnswer(ApiException answer) {
        int status = answer.getStatusCode();
        Integer code = answer.getCode();
        String words = ErrorWords.describe(code, answer.getMessage());
        if (status == 429) {
            return new GatewayException(Outcome.NOT_PROCESSED, code, status, retryAfter(), words, answer);
        }
        if (status == 401 || status == 403 || status == 404 || code != null && (code == 20003 || code == 20404)) {
            return new GatewayException(Outcome.CONFIGURATION, code, status, null, words, answer);
        }
        if (status >= 500) {
            return new GatewayException(Outcome.UNCERTAIN, code, status, null, words, answer);
        }
        return new GatewayException(Outcome.REJECTED, code, status, null, words, answer);
    }

    /** A refused connection never carried the request; anything else (a timeout, a reset) may have. */
    private static GatewayException withoutAnswer(TwilioException failure) {
        Throwable cause = failure.getCause();
        String detail = cause == null ? failure.getMessage() : cause.getMessage();
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new GatewayException(Outcome.NOT_PROCESSED, null, null, null,
                    "Herald could not reach Twilio, so nothing was sent: " + detail, failure);
        }
        return new GatewayException(Outcome.UNCERTAIN, null, null, null,
                "No answer came from Twilio (" + detail + "): the batch may or may not have been sent.", failure);
    }

    /** The Retry-After of the last answer, in seconds as Twilio sends it; null when absent or unreadable. */
    private Duration retryAfter() {
        Response last = http.getLastResponse();
        if (last == null || last.getHeaders() == null) {
            return null;
        }
        for (Header header : last.getHeaders()) {
            if (header.getName().equalsIgnoreCase("Retry-After")) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
