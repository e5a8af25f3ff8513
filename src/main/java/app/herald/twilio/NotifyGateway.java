package app.herald.twilio;

import java.util.List;

/**
 * Herald's way to Twilio, behind an interface: Notify today; Twilio ends Notify on 2027-10-31, and
 * a Programmable Messaging gateway can then stand beside this one.
 */
public interface NotifyGateway {

    /** Twilio accepts at most this many bindings in one notification. */
    int MAX_BINDINGS = 10_000;

    /**
     * Creates one notification: one POST, never repeated here.
     *
     * @return the notification's SID ({@code NT…})
     */
    String notify(List<String> e164Numbers, String body) throws GatewayException;

    /** The service, for "test connection". */
    ServiceInfo fetchService() throws GatewayException;

    /** What "test connection" shows: the Notify service and the Messaging Service it sends SMS through (null when none). */
    record ServiceInfo(String sid, String friendlyName, String messagingServiceSid) {
    }
}
