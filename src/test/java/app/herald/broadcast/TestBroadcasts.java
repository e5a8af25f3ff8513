package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.message.Price;
import app.herald.settings.MessagePace;
import app.herald.settings.Mode;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.TwilioConnections;
import app.herald.twilio.simulator.TwilioSimulator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Broadcasts for tests, made the way the composer and {@code herald send} make them: quoted, then started. */
public final class TestBroadcasts {

    /** LIVE with the simulator's credentials: no request leaves unless a test points it at a simulator. */
    public static final TwilioChoice LIVE = TwilioChoice.live(TwilioSimulator.CREDENTIALS, false);

    private TestBroadcasts() {
    }

    /** The broadcast service on a database, sending through these connections, at Twilio's US list price, no pace; no wait sleeps. */
    public static BroadcastService service(Jdbi jdbi, TwilioConnections twilio) {
        return new BroadcastService(jdbi, new Audience(jdbi), new Broadcasts(jdbi), twilio, () -> Price.TWILIO_US_LIST_PRICE,
                () -> MessagePace.SIMULATED, duration -> { });
    }

    /** LIVE through the simulator's Messaging Service, as an office set up with Twilio sends. */
    public static TwilioConnections throughMessagingService(TwilioSimulator simulator) {
        return new TwilioConnections(TwilioChoice.live(TwilioSimulator.MESSAGING_CREDENTIALS, false),
                Map.of("HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString()));
    }

    /** Plans a SIMULATION broadcast of the body to the lists. @return its id */
    public static long plan(Jdbi jdbi, String body, List<Long> lists) {
        return plan(jdbi, Mode.SIMULATION, body, lists);
    }

    /** Plans a broadcast in a mode, as a Herald in that mode would. @return its id */
    public static long plan(Jdbi jdbi, Mode mode, String body, List<Long> lists) {
        try (TwilioConnections twilio = new TwilioConnections(mode == Mode.LIVE ? LIVE : TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            BroadcastService service = service(jdbi, twilio);
            return service.start(service.quote(body, lists, false));
        }
    }
}
