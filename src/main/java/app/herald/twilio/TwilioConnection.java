package app.herald.twilio;

import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioCredentials;
import app.herald.twilio.simulator.TwilioSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where broadcasts go from this process: Twilio (LIVE) with the chosen credentials, else the
 * simulator, started here on localhost (SIMULATION). Closing stops an embedded simulator.
 * {@link TwilioConnections} decides when one is opened and closed.
 */
public final class TwilioConnection implements AutoCloseable {

    /** An answer slower than this counts as no answer: the request is then UNCERTAIN. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Mode mode;
    private final Channel channel;
    private final MessagingChannel messaging;
    private final TwilioLog log;
    private final String serviceSid;
    private final TwilioSimulator simulator;

    private TwilioConnection(Mode mode, TwilioCredentials credentials, URI baseUrl, TwilioSimulator simulator) {
        this.mode = mode;
        this.serviceSid = credentials.serviceSid();
        this.simulator = simulator;
        this.log = new TwilioLog(credentials, baseUrl, READ_TIMEOUT, duration -> Thread.sleep(duration.toMillis()));
        if (credentials.channel() == ChannelKind.MESSAGES) {
            this.messaging = new MessagingChannel(credentials, baseUrl, READ_TIMEOUT);
            this.channel = messaging;
        } else {
            this.messaging = null;
            this.channel = new NotifyChannel(credentials, baseUrl, READ_TIMEOUT);
        }
    }

    /** @param baseUrl where LIVE requests go instead of Twilio (HERALD_TWILIO_BASE_URL), or null */
    static TwilioConnection open(TwilioChoice choice, URI baseUrl) {
        var credentials = choice.credentials();
        if (choice.mode() == Mode.LIVE && credentials.isPresent()) {
            return new TwilioConnection(Mode.LIVE, credentials.get(), baseUrl, null);
        }
        try {
            TwilioSimulator simulator = TwilioSimulator.start(0, null);
            return new TwilioConnection(Mode.SIMULATION, choice.channel() == ChannelKind.MESSAGES
                    ? TwilioSimulator.MESSAGING_CREDENTIALS : TwilioSimulator.CREDENTIALS, simulator.baseUrl(), simulator);
        } catch (IOException e) {
            throw new UncheckedIOException("The Twilio simulator could not start on localhost", e);
        }
    }

    public Mode mode() {
        return mode;
    }

    public Channel channel() {
        return channel;
    }

    /** Twilio's log of what the Messaging Service sent, where an uncertain message is looked up; empty for Notify. */
    public Optional<MessageLog> messageLog() {
        return Optional.ofNullable(messaging);
    }

    /** Where a scheduled message is taken back; empty for Notify, which cannot schedule. */
    public Optional<ScheduledMessages> scheduledMessages() {
        return Optional.ofNullable(messaging);
    }

    /** The account's whole message log, where statuses and replies are read. */
    public TwilioLog log() {
        return log;
    }

    /** The IS… or MG… SID of the service sent through. */
    public String serviceSid() {
        return serviceSid;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
