package app.herald.twilio;

import com.twilio.http.NetworkHttpClient;
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
 * takes every request instead of *.twilio.com (the simulator, a test endpoint).
 */
final class TwilioHttpClient extends NetworkHttpClient {

    TwilioHttpClient(URI baseUrl, Duration readTimeout) {
        super(builder(baseUrl, readTimeout));
    }

    private static HttpClientBuilder builder(URI baseUrl, Duration readTimeout) {
        HttpClientBuilder builder = HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setSoTimeout(Timeout.of(readTimeout))
                                .setSoKeepAlive(true)
                                .build())
                        .setMaxConnPerRoute(4)
                        .setMaxConnTotal(8)
                        .build());
        if (baseUrl != null) {
            HttpHost target = new HttpHost(baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort());
            builder.setRoutePlanner((host, context) -> new HttpRoute(target));
        }
        return builder;
    }

    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }
}
