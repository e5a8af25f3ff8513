package app.herald.twilio;

import java.time.Duration;

/**
 * How long to wait before a request Twilio did not process goes again: the Retry-After Twilio
 * asked for, else 1, 2, 4… seconds, at most a minute. After so many "not processed" in a row
 * Herald stops and says so, rather than trying forever.
 */
public final class Backoff {

    /** "Not processed" answers in a row (for one sender) after which a run stops. */
    public static final int MOST_IN_A_ROW = 5;

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private Duration next = FIRST;

    /** The wait before the next try, and the one after it doubled. @param retryAfter Twilio's, or null */
    public Duration next(Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return wait;
    }

    /** Why a run stopped after {@code tries} "not processed" in a row, the last of which said {@code last}. */
    public static String gaveUp(int tries, String last) {
        return "Paused after " + tries + " tries in a row that Twilio did not take. Resume to try again. The last: " + last;
    }

    /** A request went through: the next wait starts from a second again. */
    public void reset() {
        next = FIRST;
    }
}
