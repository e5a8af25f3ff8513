package app.herald.delivery;

import java.util.Locale;

/**
 * Twilio's message statuses as a person reads them, in the funnel's order: waiting at Twilio
 * (accepted, queued, sending, scheduled), sent to the carrier, delivered (or read); or it did
 * not arrive: undelivered (the carrier could not), failed (Twilio could not send it), canceled.
 * The last four never change again.
 */
public enum MessageStatus {
    WAITING(false), SENT(false), DELIVERED(true), UNDELIVERED(true), FAILED(true), CANCELED(true);

    private final boolean isFinal;

    MessageStatus(boolean isFinal) {
        this.isFinal = isFinal;
    }

    /** A message in this status is not looked at again. */
    public boolean isFinal() {
        return isFinal;
    }

    /** The group of one of Twilio's words (delivered, undelivered, …); null for none. */
    public static MessageStatus of(String twilioStatus) {
        if (twilioStatus == null) {
            return null;
        }
        return switch (twilioStatus.toLowerCase(Locale.ROOT)) {
            case "sent", "partially_delivered" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed" -> FAILED;
            case "canceled" -> CANCELED;
            default -> WAITING;
        };
    }

    /** Whether Twilio's word is a final status. */
    public static boolean isFinal(String twilioStatus) {
        MessageStatus status = of(twilioStatus);
        return status != null && status.isFinal();
    }
}
