package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a broadcast goes, if not now: the instant, and the time zone it was chosen in (what History
 * shows). A Messaging Service holds a message from 15 minutes to 35 days ahead (Twilio's
 * scheduling), so each one goes out with Herald closed; Notify cannot, so Herald holds its batches.
 */
public record Schedule(Instant at, ZoneId zone) {

    /** The nearest and the farthest Twilio will hold a message. */
    public static final Duration TWILIO_EARLIEST = Duration.ofMinutes(15);
    public static final Duration TWILIO_LATEST = Duration.ofDays(35);

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    public Schedule {
        Objects.requireNonNull(at);
        Objects.requireNonNull(zone);
    }

    /**
     * The date and time a person chose, in that zone, checked against {@code now}: later than now,
     * and through a Messaging Service within Twilio's 15 minutes to 35 days.
     *
     * @throws IllegalArgumentException saying in words why it cannot be
     */
    public static Schedule chosen(LocalDateTime local, ZoneId zone, Instant now, ChannelKind channel) {
        // a time the clocks skip (a spring-forward gap) moves on by the gap, as the clocks do
        Schedule schedule = new Schedule(ZonedDateTime.of(local, zone).toInstant(), zone);
        Duration ahead = Duration.between(now, schedule.at());
        if (ahead.isNegative() || ahead.isZero()) {
            throw new IllegalArgumentException(schedule.words() + " has passed. Choose a later time, or send now.");
        }
        if (channel == ChannelKind.MESSAGES && ahead.compareTo(TWILIO_EARLIEST) < 0) {
            throw new IllegalArgumentException("Twilio holds a message from 15 minutes ahead, and " + schedule.words()
                    + " is " + minutes(ahead) + " away. Choose a later time, or send now.");
        }
        if (channel == ChannelKind.MESSAGES && ahead.compareTo(TWILIO_LATEST) > 0) {
            throw new IllegalArgumentException("Twilio holds a message at most 35 days ahead, and " + schedule.words()
                    + " is " + ahead.toDays() + " days away. Choose an earlier time.");
        }
        return schedule;
    }

    /**
     * When Twilio is to send a message due at {@code due} that leaves Herald at {@code now}: then,
     * or nothing when that is nearer than Twilio holds a message (a send that took long, a resume,
     * quiet hours about to end): then Herald waits until it is due and sends it as it is.
     */
    static Optional<Instant> forTwilio(Instant due, Instant now) {
        return Duration.between(now, due).compareTo(TWILIO_EARLIEST) >= 0 ? Optional.of(due) : Optional.empty();
    }

    /** How long Herald waits before a request due at {@code due} leaves at {@code now}: nothing once it is due. */
    static Duration waitFrom(Instant due, Instant now) {
        Duration left = Duration.between(now, due);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** How long until the chosen time from {@code now}: nothing once it has come. */
    Duration waitFrom(Instant now) {
        return waitFrom(at, now);
    }

    /** The time as the person chose it: "Thu 24 Dec 2026 09:00 (Europe/Berlin)". */
    public String words() {
        return WORDS.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String minutes(Duration ahead) {
        long minutes = Math.max(1, ahead.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
