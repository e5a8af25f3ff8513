package app.herald.twilio;

import java.time.Instant;
import java.util.Optional;

/** Twilio's own log of the messages an account sent: where a send whose answer was lost is looked up. */
public interface MessageLog {

    /**
     * The SID of a message of this service with this body to this number, created at or after
     * {@code since}; empty when Twilio's log has none.
     */
    Optional<String> find(String e164, String body, Instant since) throws GatewayException;
}
