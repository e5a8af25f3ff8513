package app.herald.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.Response;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import org.apache.hc.core5.http.Header;

/**
 * Sorts a failed Twilio call into what it means for the journal. An answer comes as an
 * ApiException with Twilio's code and the status from its JSON body; no answer (refused, timed
 * out, reset) comes without a status, and its cause says what happened.
 */
final class Failures {

    /** Codes that say the settings are wrong, whatever the HTTP status: nothing can be sent until they are fixed. */
    private static final Set<Integer> CONFIGURATION_CODES = Set.of(20003, 20404, 21606, 21701);

    private Failures() {
    }

    /**
     * @param failure what an SDK call threw: a TwilioException mostly, but a malformed answer can
     *                fail it with anything (a 204's missing body is a NullPointerException)
     * @param http    the client that made the call, for the Retry-After of a 429 and the status of an answer the SDK could not read
     */
    static GatewayException classify(RuntimeException failure, TwilioHttpClient http) {
        if (failure instanceof ApiException answer && answer.getStatusCode() != null) {
            return fromAnswer(answer, http);
        }
        Response unreadable = http.lastResponseOnThisThread();
        return unreadable == null ? withoutAnswer(failure) : fromUnreadableAnswer(unreadable, failure);
    }

    /** Twilio answered success but without the SID of what it made: it may have been made. */
    static GatewayException withoutSid(TwilioHttpClient http) {
        Response answer = http.lastResponseOnThisThread();
        String status = answer == null ? "" : " (HTTP " + answer.getStatusCode() + ")";
        return new GatewayException(Outcome.UNCERTAIN, null, answer == null ? null : answer.getStatusCode(), null,
                "Twilio's answer" + status + " held no SID: it may or may not have been sent.", null);
    }

    /**
     * An answer came, but not as Twilio's JSON (a proxy's HTML page, an empty 204): its status
     * alone says what it means.
     */
    private static GatewayException fromUnreadableAnswer(Response answer, RuntimeException failure) {
        int status = answer.getStatusCode();
        String unusable = "Twilio's answer (HTTP " + status + ") could not be read";
        if (status == 429) {
            return new GatewayException(Outcome.NOT_PROCESSED, null, status, retryAfter(answer),
                    unusable + ": it asked Herald to slow down.", failure);
        }
        if (status == 401 || status == 403) {
            return new GatewayException(Outcome.CONFIGURATION, null, status, null,
                    unusable + ": it refused the credentials. Check the Account SID and the secret in Settings.", failure);
        }
        if (status == 404) {
            return new GatewayException(Outcome.CONFIGURATION, null, status, null,
                    unusable + ": it does not know the service. Check the service SID in Settings.", failure);
        }
        if (status >= 400 && status < 500) {
            return new GatewayException(Outcome.REJECTED, null, status, null, unusable + ": it refused the request.", failure);
        }
        return new GatewayException(Outcome.UNCERTAIN, null, status, null,
                unusable + ": it may or may not have been sent.", failure);
    }

    private static GatewayException fromAnswer(ApiException answer, TwilioHttpClient http) {
        int status = answer.getStatusCode();
        Integer code = answer.getCode();
        String words = ErrorWords.describe(code, answer.getMessage());
        if (status == 429) {
            return new GatewayException(Outcome.NOT_PROCESSED, code, status, retryAfter(http.lastResponseOnThisThread()), words,
                    answer);
        }
        if (status == 401 || status == 403 || status == 404 || code != null && CONFIGURATION_CODES.contains(code)) {
            return new GatewayException(Outcome.CONFIGURATION, code, status, null, words, answer);
        }
        if (status >= 500) {
            return new GatewayException(Outcome.UNCERTAIN, code, status, null, words, answer);
        }
        return new GatewayException(Outcome.REJECTED, code, status, null, words, answer);
    }

    /** A refused connection never carried the request; anything else (a timeout, a reset) may have. */
    private static GatewayException withoutAnswer(RuntimeException failure) {
        Throwable cause = failure.getCause();
        String detail = cause == null ? failure.getMessage() : cause.getMessage();
        if (cause instanceof AnswerLimit.TooLarge) {
            return new GatewayException(Outcome.UNCERTAIN, null, null, null,
                    detail + ": it may or may not have been sent.", failure);
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            return new GatewayException(Outcome.NOT_PROCESSED, null, null, null,
                    "Herald could not reach Twilio, so nothing was sent: " + detail, failure);
        }
        return new GatewayException(Outcome.UNCERTAIN, null, null, null,
                "No answer came from Twilio (" + detail + "): it may or may not have been sent.", failure);
    }

    /** The Retry-After of an answer, in seconds as Twilio sends it; null when absent or unreadable. */
    private static Duration retryAfter(Response answer) {
        if (answer == null || answer.getHeaders() == null) {
            return null;
        }
        for (Header header : answer.getHeaders()) {
            if (header.getName().equalsIgnoreCase("Retry-After")) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
