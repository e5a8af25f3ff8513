package app.herald.twilio;

import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioCredentials;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.notify.v1.Service;
import com.twilio.rest.notify.v1.service.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Notify channel, through Twilio's official SDK on {@link TwilioHttpClient}: one call is one
 * POST of up to 10,000 bindings, and a failure is sorted into what it means for the journal. Not
 * thread-safe: one dispatcher uses it.
 */
public final class NotifyChannel implements Channel {

    /** Twilio accepts at most this many bindings in one notification. */
    public static final int MAX_BINDINGS = ChannelKind.NOTIFY.recipientsPerRequest();

    /** What "test connection" shows: the Notify service and the Messaging Service it sends SMS through (null when none). */
    public record ServiceInfo(String sid, String friendlyName, String messagingServiceSid) implements ServiceCheck {
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
        this.client = http.restClient(credentials);
        this.serviceSid = credentials.serviceSid();
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
        String sid;
        try {
            sid = Notification.creator(serviceSid).setToBinding(bindings).setBody(body).create(client).getSid();
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
        if (sid == null || sid.isBlank()) {
            throw Failures.withoutSid(http);
        }
        return sid;
    }

    /** The service, for "test connection". */
    public ServiceInfo fetchService() throws GatewayException {
        try {
            Service service = Service.fetcher(serviceSid).fetch(client);
            return new ServiceInfo(service.getSid(), service.getFriendlyName(), service.getMessagingServiceSid());
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
    }

}
