package app.herald.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
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

    /** @param http the client that made the call, for the Retry-After of a 429 */
    static GatewayException classify(TwilioException failure, TwilioHttpClient http) {
        return failure instanceof ApiException answer && answer.getStatusCode() != null
                ? fromAnswer(answer, http) : withoutAnswer(failure);
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
    private static GatewayException withoutAnswer(TwilioException failure) {
        Throwable cause = failure.getCause();
        String detail = cause == null ? failure.getMessage() : cause.getMessage();
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
