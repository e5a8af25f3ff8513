package app.herald.twilio;

import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.simulator.NotifySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * Where broadcasts go from this process: Twilio (LIVE) with the chosen credentials, else the
 * simulator, started here on localhost (SIMULATION). Closing stops an embedded simulator.
 * {@link TwilioConnections} decides when one is opened and closed.
 */
public final class TwilioConnection implements AutoCloseable {

    /** An answer slower than this counts as no answer: the batch is then UNCERTAIN. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Mode mode;
    private final Channel channel;
    private final String serviceSid;
    private final NotifySimulator simulator;

    private TwilioConnection(Mode mode, Channel channel, String serviceSid, NotifySimulator simulator) {
        this.mode = mode;
        this.channel = channel;
        this.serviceSid = serviceSid;
        this.simulator = simulator;
    }

    /** @param baseUrl where LIVE requests go instead of Twilio (HERALD_TWILIO_BASE_URL), or null */
    static TwilioConnection open(TwilioChoice choice, URI baseUrl) {
        var credentials = choice.credentials();
        if (choice.mode() == Mode.LIVE && credentials.isPresent()) {
            return new TwilioConnection(Mode.LIVE, new NotifyChannel(credentials.get(), baseUrl, READ_TIMEOUT),
                    credentials.get().serviceSid(), null);
        }
        try {
            NotifySimulator simulator = NotifySimulator.start(0, null);
            return new TwilioConnection(Mode.SIMULATION,
                    new NotifyChannel(NotifySimulator.CREDENTIALS, simulator.baseUrl(), READ_TIMEOUT),
                    NotifySimulator.SERVICE_SID, simulator);
        } catch (IOException e) {
            throw new UncheckedIOException("The Notify simulator could not start on localhost", e);
        }
    }

    public Mode mode() {
        return mode;
    }

    public Channel channel() {
        return channel;
    }

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
