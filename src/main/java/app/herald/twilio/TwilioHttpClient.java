package app.herald.twilio;

import app.herald.settings.TwilioCredentials;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client as Herald needs it: one call, one request. The SDK resends a request
 * three times on any 5xx and Apache HttpClient once more on 429/503, even a POST; a notification
 * sent twice is a broadcast sent twice, so both are off. A read timeout ends a hung call (the
 * SDK overwrites a per-request config, so it is set on the socket), and a base URL, when given,
 * takes every request instead of *.twilio.com (the simulator, a test endpoint). An answer is read
 * only up to {@link AnswerLimit}'s size.
 */
final class TwilioHttpClient extends NetworkHttpClient {

    /** Requests this client may have on their way at once: the Messaging channel's senders, and room to spare. */
    private static final int MAX_CONNECTIONS = 16;

    private final ThreadLocal<Response> lastOnThisThread = new ThreadLocal<>();

    TwilioHttpClient(URI baseUrl, Duration readTimeout) {
        super(builder(baseUrl, readTimeout));
    }

    /** The SDK's client for these credentials, making its requests through this one. */
    TwilioRestClient restClient(TwilioCredentials credentials) {
        return new TwilioRestClient.Builder(credentials.username(), credentials.secret())
                .accountSid(credentials.accountSid())
                .httpClient(this)
                .build();
    }

    private static HttpClientBuilder builder(URI baseUrl, Duration readTimeout) {
        HttpClientBuilder builder = HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .addResponseInterceptorLast(new AnswerLimit())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(Timeout.of(readTimeout))
                                .setSoKeepAlive(true)
                                .build())
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .build());
        if (baseUrl != null) {
            HttpHost target = new HttpHost(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
            builder.setRoutePlanner((host, context) -> new HttpRoute(target));
        }
        return builder;
    }

    /**
     * The SDK keeps one "last response" per client, which several senders at once overwrite for
     * each other: each thread's own is kept here, for the Retry-After of its 429.
     */
    @Override
    public Response makeRequest(Request request) {
        lastOnThisThread.remove();
        Response response = super.makeRequest(request);
        lastOnThisThread.set(response);
        return response;
    }

    /** The answer to the last request this thread made through this client, or null when none came (or none could be read). */
    Response lastResponseOnThisThread() {
        return lastOnThisThread.get();
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }
}
