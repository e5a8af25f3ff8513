package app.herald.twilio;

import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The life of this process's Twilio connection: opened (and an embedded simulator started) at the
 * first send, replaced when Settings choose otherwise, all closed when Herald closes. A send still
 * running keeps the connection it started on, so a replaced one is only closed at the end.
 */
public final class TwilioConnections implements AutoCloseable {

    /** "Test connection" is a person waiting for one small answer. */
    private static final Duration TEST_CONNECTION_TIMEOUT = Duration.ofSeconds(20);

    static final String BASE_URL_VARIABLE = "HERALD_TWILIO_BASE_URL";

    private final URI baseUrl;
    private final List<TwilioConnection> retired = new ArrayList<>();
    private TwilioChoice choice;
    private TwilioConnection current;

    /** @param environment where HERALD_TWILIO_BASE_URL is read */
    public TwilioConnections(TwilioChoice choice, Map<String, String> environment) {
        this.choice = Objects.requireNonNull(choice);
        this.baseUrl = baseUrl(environment);
    }

    /**
     * HERALD_TWILIO_BASE_URL, when set, points every Twilio request at another base URL: over
     * https://, or plain http:// to this computer only (the simulator), since the credentials go
     * with every request.
     *
     * @throws IllegalArgumentException for an http:// URL to another computer, or no URL at all
     */
    static URI baseUrl(Map<String, String> environment) {
        String value = environment.get(BASE_URL_VARIABLE);
        if (value == null || value.isBlank()) {
            return null;
        }
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " is not a URL: " + value.strip());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !scheme.equals("https") && !(scheme.equals("http") && isThisComputer(url.getHost()))) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " must start with https:// (plain http:// only to this"
                    + " computer, such as http://127.0.0.1:8080): " + value.strip() + " would send the Twilio credentials"
                    + " unencrypted.");
        }
        return url;
    }

    /** The loopback address by name or number, never by asking a name server. */
    private static boolean isThisComputer(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The connection for the choice in force, opened now if it is not yet. */
    public synchronized TwilioConnection current() {
        if (current == null) {
            current = TwilioConnection.open(choice, baseUrl);
        }
        return current;
    }

    public synchronized TwilioChoice choice() {
        return choice;
    }

    /** The channel the next send goes through. */
    public synchronized ChannelKind channelKind() {
        return choice.channel();
    }

    /** The next send goes where this says; the connection of a send still running stays open until {@link #close()}. */
    public synchronized void choose(TwilioChoice chosen) {
        if (chosen.equals(choice)) {
            return;
        }
        choice = chosen;
        if (current != null) {
            retired.add(current);
            current = null;
        }
    }

    /** "Test connection" with credentials typed in Settings, not saved yet: fetches the service they name. */
    public ServiceCheck check(TwilioCredentials credentials) throws GatewayException {
        return credentials.channel() == ChannelKind.MESSAGES
                ? new MessagingChannel(credentials, baseUrl, TEST_CONNECTION_TIMEOUT).fetchService()
                : new NotifyChannel(credentials, baseUrl, TEST_CONNECTION_TIMEOUT).fetchService();
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            retired.add(current);
            current = null;
        }
        retired.forEach(TwilioConnection::close);
        retired.clear();
    }
}
