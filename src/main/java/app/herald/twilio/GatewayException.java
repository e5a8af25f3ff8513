package app.herald.twilio;

import java.time.Duration;

/**
 * A request Twilio did not accept, with what it means for the journal ({@link Outcome}), Twilio's
 * error code and HTTP status when there was an answer, how long Twilio asked to wait (429), and a
 * message in plain words.
 */
public final class GatewayException extends Exception {

    private final Outcome outcome;
    private final Integer code;
    private final Integer httpStatus;
    private final Duration retryAfter;

    public GatewayException(Outcome outcome, Integer code, Integer httpStatus, Duration retryAfter, String message,
            Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
        this.code = code;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Twilio's error code (e.g. 21211), or null when no answer came. */
    public Integer code() {
        return code;
    }

    /** The HTTP status Twilio's error body gave, or null when no answer came. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** The wait Twilio asked for with a 429, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
