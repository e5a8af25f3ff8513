package app.herald.twilio;

import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.simulator.NotifySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * Where broadcasts go from this process: Twilio (LIVE) with the chosen credentials, else the
 * simulator, started here on localhost (SIMULATION). HERALD_TWILIO_BASE_URL sends LIVE traffic
 * to another endpoint. Closing stops an embedded simulator.
 */
public final class TwilioConnection implements AutoCloseable {

    /** An answer slower than this counts as no answer: the batch is then UNCERTAIN. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Mode mode;
    private final NotifyGateway gateway;
    private final String serviceSid;
    private final NotifySimulator simulator;

    private TwilioConnection(Mode mode, NotifyGateway gateway, String serviceSid, NotifySimulator simulator) {
        this.mode = mode;
        this.gateway = gateway;
        this.serviceSid = serviceSid;
        this.simulator = simulator;
    }

    /** @param environment where HERALD_TWILIO_BASE_URL is read */
    public static TwilioConnection open(TwilioChoice choice, Map<String, String> environment) {
        var credentials = choice.credentials();
        if (choice.mode() == Mode.LIVE && credentials.isPresent()) {
            return new TwilioConnection(Mode.LIVE, new TwilioNotifyGateway(credentials.get(),
                    TwilioNotifyGateway.baseUrl(environment), READ_TIMEOUT), credentials.get().serviceSid(), null);
        }
        try {
            NotifySimulator simulator = NotifySimulator.start(0, null);
            return new TwilioConnection(Mode.SIMULATION,
                    new TwilioNotifyGateway(NotifySimulator.CREDENTIALS, simulator.baseUrl(), READ_TIMEOUT),
                    NotifySimulator.SERVICE_SID, simulator);
        } catch (IOException e) {
            throw new UncheckedIOException("The Notify simulator could not start on localhost", e);
        }
    }

    public Mode mode() {
        return mode;
    }

    public NotifyGateway gateway() {
        return gateway;
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
