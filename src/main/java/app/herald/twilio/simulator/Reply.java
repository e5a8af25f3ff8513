package app.herald.twilio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** What the simulator answers a request with, decided before it is written (a fault may drop it). */
record Reply(int status, JsonNode body) {

    /** An answer as Twilio shapes its errors: code, message, more_info, status. */
    static Reply error(int status, int code, String message) {
        return new Reply(status, Answers.JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status));
    }
}
