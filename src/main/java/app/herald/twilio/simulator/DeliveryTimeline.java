package app.herald.twilio.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the simulator's messages fare, so the whole flow of statuses and replies is seen without
 * Twilio: a message is queued, then sent, then final, a few seconds apart (a test makes that
 * instant). The final status follows the number's last two digits, so a person or a test knows
 * what to expect: 03, 05, 06 and 07 are undelivered with Twilio's 30003 (unreachable), 30005
 * (unknown number), 30006 (landline) and 30007 (filtered by the carrier), 08 failed with 30008
 * (unknown error), any other is delivered. Some people answer, once, a second after their first
 * message ends: 11 with "STOP", 12 with " stop " (lower case, spaces), 13 with "Thanks!", 14 with
 * "Please stop sending me these", 15 with "STOP" and a second later "START".
 */
final class DeliveryTimeline {

    /** What Twilio says of a message at one moment. */
    record Status(String status, Instant dateSent, Instant dateUpdated, Integer errorCode, String errorMessage) {
    }

    /** A reply due {@code after} the person's message ended. */
    record DueReply(String body, Duration after) {
    }

    private static final Duration REPLY_DELAY = Duration.ofSeconds(1);

    private volatile Duration toSent = Duration.ofSeconds(2);
    private volatile Duration toFinal = Duration.ofSeconds(6);

    /** How long a message stays queued, and how long until it is final (counted from its creation or its SendAt). */
    void setTimes(Duration queued, Duration untilFinal) {
        if (untilFinal.compareTo(queued) < 0) {
            throw new IllegalArgumentException("a message is sent before it is final");
        }
        toSent = queued;
        toFinal = untilFinal;
    }

    /** A message that left at {@code start} (its creation, or its SendAt) to {@code to}, as Twilio shows it {@code now}. */
    Status outbound(String to, Instant start, Instant now) {
        Instant sent = start.plus(toSent);
        Instant ended = start.plus(toFinal);
        if (now.isBefore(sent)) {
            return new Status("queued", null, start, null, null);
        }
        if (now.isBefore(ended)) {
            return new Status("sent", sent, sent, null, null);
        }
        return switch (lastTwoDigits(to)) {
            case 3 -> new Status("undelivered", sent, ended, 30003, "Unreachable destination handset");
            case 5 -> new Status("undelivered", sent, ended, 30005, "Unknown destination handset");
            case 6 -> new Status("undelivered", sent, ended, 30006, "Landline or unreachable carrier");
            case 7 -> new Status("undelivered", sent, ended, 30007, "Message filtered");
            case 8 -> new Status("failed", sent, ended, 30008, "Unknown error");
            default -> new Status("delivered", sent, ended, null, null);
        };
    }

    /** When a message that left at {@code start} ends. */
    Instant endOf(Instant start) {
        return start.plus(toFinal);
    }

    /** What the person at {@code from} answers to their first message, and when after it ended. */
    static List<DueReply> repliesOf(String from) {
        return switch (lastTwoDigits(from)) {
            case 11 -> List.of(new DueReply("STOP", REPLY_DELAY));
            case 12 -> List.of(new DueReply(" stop ", REPLY_DELAY));
            case 13 -> List.of(new DueReply("Thanks!", REPLY_DELAY));
            case 14 -> List.of(new DueReply("Please stop sending me these", REPLY_DELAY));
            case 15 -> List.of(new DueReply("STOP", REPLY_DELAY), new DueReply("START", REPLY_DELAY.multipliedBy(2)));
            default -> List.of();
        };
    }

    private static int lastTwoDigits(String e164) {
        int length = e164.length();
        return length < 2 ? -1 : Integer.parseInt(e164.substring(length - 2));
    }
}
