package app.herald.twilio;

import app.herald.settings.ChannelKind;
import java.time.Instant;
import java.util.List;

/**
 * What a broadcast is sent through: these recipients, this body, one answer per request. The
 * dispatchers know no more of Twilio than this: Notify (up to 10,000 numbers a request) and the
 * Messaging channel (one message, one number, per request).
 */
public interface Channel {

    /** What kind of channel this is, and so how many recipients one request carries. */
    ChannelKind kind();

    /**
     * Sends one request, never repeated here: a failure says what it means for the journal.
     *
     * @param e164Numbers 1 to {@code kind().recipientsPerRequest()} numbers
     * @return Twilio's SID for what it accepted
     */
    String send(List<String> e164Numbers, String body) throws GatewayException;

    /**
     * Sends one request for Twilio to deliver at {@code sendAt}, where the channel can: Notify
     * cannot, and Herald holds its batches instead.
     *
     * @return Twilio's SID for what it accepted
     */
    default String schedule(List<String> e164Numbers, String body, Instant sendAt) throws GatewayException {
        throw new UnsupportedOperationException(kind() + " cannot hold a message for later: Herald holds it instead");
    }
}
