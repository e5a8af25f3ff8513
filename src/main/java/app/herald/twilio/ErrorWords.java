package app.herald.twilio;

import java.util.Map;

/** Twilio's error codes that a person running a broadcast meets, in words they can act on. */
public final class ErrorWords {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(20003, "Twilio did not accept the Account SID and Auth Token (or API key). Check them in Settings."),
            Map.entry(20404, "Twilio does not know this service. Check the service SID in Settings."),
            Map.entry(20429, "Twilio asked Herald to slow down: too many requests at once."),
            Map.entry(21211, "A phone number is not valid for Twilio."),
            Map.entry(21602, "The message is empty."),
            Map.entry(21606, "The sender is not a phone number of this Twilio account. Check the service in Settings."),
            Map.entry(21604, "The message has no recipients."),
            Map.entry(21608, "A trial account can only send to numbers verified in the Twilio console."),
            Map.entry(21610, "This person replied STOP to the sender: Twilio will not send to them."),
            Map.entry(21612, "Twilio cannot send to this number from the service's senders (a country or carrier not reached)."),
            Map.entry(21614, "This number cannot receive SMS (a landline, most likely)."),
            Map.entry(21617, "The message is longer than Twilio's 1,600 characters."),
            Map.entry(21701, "Twilio does not know this Messaging Service. Check the Messaging Service SID in Settings."),
            Map.entry(30001, "Twilio's queue for the sender was full for too long: the message was dropped."),
            Map.entry(30002, "The Twilio account is suspended."),
            Map.entry(30003, "The phone was off or out of reach: the carrier could not deliver it."),
            Map.entry(30004, "The person has blocked messages from this sender."),
            Map.entry(30005, "The number does not exist, or is no longer in use."),
            Map.entry(30006, "A landline, or a carrier that cannot take SMS."),
            Map.entry(30007, "The carrier filtered it out (as spam, most likely)."),
            Map.entry(30008, "The carrier gave no reason (Twilio's \"unknown error\")."),
            Map.entry(30032, "The toll-free sender is not verified yet."),
            Map.entry(30034, "The sender is not registered for US A2P 10DLC."),
            Map.entry(30409, "Too late to cancel: Twilio has already sent this message."),
            Map.entry(52302, "Twilio's Notify service could not process the notification; it may have been sent in part."));

    private ErrorWords() {
    }

    /** Plain words for why a message did not arrive (Twilio's 30003, 30005, …), with its code. */
    public static String ofDelivery(Integer code, String twilioMessage) {
        String words = code == null ? null : WORDS.get(code);
        if (words == null) {
            String detail = twilioMessage == null || twilioMessage.isBlank() ? "" : " (Twilio: " + twilioMessage.strip() + ")";
            return "The message did not arrive" + (code == null ? "" : ", error " + code) + detail + ".";
        }
        return words + " Error " + code + ".";
    }

    /** Plain words for a Twilio error, with Twilio's own message and code so support can look it up. */
    static String describe(Integer code, String twilioMessage) {
        String words = code == null ? null : WORDS.get(code);
        String detail = twilioMessage == null || twilioMessage.isBlank() ? "" : " (Twilio: " + twilioMessage.strip() + ")";
        if (words == null) {
            return "Twilio refused the request" + (code == null ? "" : ", error " + code) + detail + ".";
        }
        return words + " Error " + code + detail + ".";
    }
}
