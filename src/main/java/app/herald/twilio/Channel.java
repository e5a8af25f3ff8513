package app.herald.twilio;

import java.util.List;

/**
 * What a broadcast is sent through: these recipients, this body, one answer per request. The
 * dispatcher knows no more of Twilio than this; Notify is the first channel (up to 10,000 numbers
 * a request), and a channel of one message per recipient fits beside it.
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
}
