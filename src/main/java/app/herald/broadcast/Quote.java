package app.herald.broadcast;

import app.herald.message.Encoding;
import app.herald.message.MessageAnalysis;
import app.herald.message.PersonalTexts;
import app.herald.message.Price;
import app.herald.settings.Mode;
import app.herald.settings.ChannelKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a send will be, as the confirmation shows it and the broadcast records it: who it reaches
 * (each number once; duplicates and opted-out numbers left out), how the message is encoded and
 * counted, how many requests it takes, what it costs, and where it goes. A quote to resume a
 * broadcast names it, and counts only what is still to send.
 *
 * @param broadcastId   the broadcast resumed, or null for a new one
 * @param smartEncoding whether the segments are counted as Smart Encoding sends the message
 * @param paceSeconds   how long the messages take at the pace set for the Messaging channel; 0 when
 *                      nothing waits for a pace (Notify, the simulator)
 * @param schedule      when it goes, or null for now
 * @param quiet         the hours its messages may arrive in each recipient's time, or null for any hour
 * @param personal      each recipient's own text, counted, when the body names fields; null when everyone
 *                      gets the body (then {@code segments} is the longest text's, and the cost their sum)
 */
public record Quote(Long broadcastId, String body, List<Long> listIds, long recipients, long duplicates, long optedOut,
        Encoding encoding, int segments, boolean smartEncoding, long requests, Price price, BigDecimal cost, Mode mode,
        ChannelKind channel, long paceSeconds, Schedule schedule, QuietRule quiet, PersonalTexts personal) {

    public Quote {
        Objects.requireNonNull(body);
        listIds = List.copyOf(listIds);
        Objects.requireNonNull(encoding);
        Objects.requireNonNull(price);
        Objects.requireNonNull(cost);
        Objects.requireNonNull(mode);
        Objects.requireNonNull(channel);
        if (recipients < 0 || duplicates < 0 || optedOut < 0 || segments < 1 || requests < 0 || paceSeconds < 0) {
            throw new IllegalArgumentException("impossible quote: " + recipients + " recipients, " + segments + " segments");
        }
    }

    public boolean resumes() {
        return broadcastId != null;
    }

    /** The same send, to go at that time (checked by {@link Schedule#chosen}). */
    public Quote at(Schedule when) {
        if (resumes()) {
            throw new IllegalArgumentException("a broadcast resumed keeps the time it was given");
        }
        return new Quote(broadcastId, body, listIds, recipients, duplicates, optedOut, encoding, segments, smartEncoding,
                requests, price, cost, mode, channel, paceSeconds, Objects.requireNonNull(when), quiet, personal);
    }

    /**
     * The same send, each message arriving only within these hours in its recipient's time: through
     * a Messaging Service each as its own SendAt; through Notify in batches of one set of zones, each
     * held by Herald until its hours begin.
     */
    public Quote within(QuietRule rule) {
        if (resumes()) {
            throw new IllegalArgumentException("a broadcast resumed keeps the hours it was given");
        }
        return new Quote(broadcastId, body, listIds, recipients, duplicates, optedOut, encoding, segments, smartEncoding,
                requests, price, cost, mode, channel, paceSeconds, schedule, Objects.requireNonNull(rule), personal);
    }

    /** Each recipient gets a text of their own. */
    public boolean isPersonal() {
        return personal != null;
    }

    /** The segments of all its messages: what the cost counts. */
    public long totalSegments() {
        return isPersonal() ? personal.totalSegments() : segments * recipients;
    }

    /** @throws IllegalArgumentException when a personal text passes the 1,600 characters Twilio takes */
    public void requireTextsWithinLimit() {
        if (isPersonal() && personal.anyTooLong()) {
            throw new IllegalArgumentException(String.format("%,d of the messages would have more than %,d characters,"
                    + " which Twilio refuses (the first: to %s). Shorten the message, or those contacts' fields.",
                    personal.tooLongCount(), MessageAnalysis.MAX_BODY_CHARACTERS, personal.tooLong().get(0).e164()));
        }
    }

    public boolean isScheduled() {
        return schedule != null;
    }

    /** The estimated cost as a person reads it: "USD 8,300.00". */
    public String costText() {
        return price.format(cost);
    }
}
