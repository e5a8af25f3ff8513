package app.herald.twilio;

import java.util.Map;

/** Twilio's error codes that a person running a broadcast meets, in words they can act on. */
final class ErrorWords {

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
            Map.entry(30409, "Too late to cancel: Twilio has already sent this message."),
            Map.entry(52302, "Twilio's Notify service could not process the notification; it may have been sent in part."));

    private ErrorWords() {
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
