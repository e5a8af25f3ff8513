package app.herald.settings;

/**
 * How fast the Messaging channel posts: at most {@code perSecond} messages a second, with
 * {@code senders} requests on their way at once. A Messaging Service's senders pass on only so
 * many a second (a US long code about one segment, toll-free three, a short code a hundred);
 * what Herald posts faster waits in Twilio's queue, and fails there after ten hours (30001).
 *
 * @param perSecond 0 for as fast as Twilio answers
 */
public record MessagePace(double perSecond, int senders) {

    /** One US local number: about one message a second. */
    public static final MessagePace US_LONG_CODE = new MessagePace(1, 1);
    /** A verified toll-free number: three a second. */
    public static final MessagePace TOLL_FREE = new MessagePace(3, 2);
    /** A short code: a hundred a second. */
    public static final MessagePace SHORT_CODE = new MessagePace(100, 8);
    /** The simulator has no senders to wait for: as fast as it answers, a few at once. */
    public static final MessagePace SIMULATED = new MessagePace(0, 4);

    /** The most requests on their way at once: Twilio answers more with 429 (20429). */
    public static final int MOST_SENDERS = 16;

    public MessagePace {
        if (perSecond < 0 || perSecond > 10_000 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("messages a second are 0 to 10,000, not " + perSecond);
        }
        if (senders < 1 || senders > MOST_SENDERS) {
            throw new IllegalArgumentException("1 to " + MOST_SENDERS + " requests at once, not " + senders);
        }
    }

    /** How long so many messages take at this pace, in seconds; 0 when unlimited. */
    public long secondsFor(long messages) {
        return perSecond == 0 ? 0 : (long) Math.ceil(messages / perSecond);
    }
}
