package app.herald.broadcast;

/**
 * One recipient of a broadcast and how their message stands: its own state and SID through the
 * Messaging channel, its batch's through Notify.
 *
 * @param name   the name the lists had for the number when the broadcast was made, or null
 * @param batch  the Notify batch it went in; 0 through the Messaging channel
 * @param status  Twilio's last known status of the message (delivered, failed, …); null until it is fetched
 * @param matched the status was found in Twilio's log by number, body and time (Notify names no SID), not by SID
 */
public record RecipientOutcome(String e164, String name, int batch, SendState state, String sid, String status, Integer errorCode,
        String errorMessage, boolean matched) {
}
