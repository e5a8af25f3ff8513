package app.herald.twilio.simulator;

/** What the simulator can be told to do to the next requests instead of answering them well. */
public enum Fault {
    /** 429 with code 20429 and a Retry-After of one second. */
    RATE_LIMIT,
    /** 500 with code 20500. */
    SERVER_ERROR,
    /** 503 with code 20503. */
    UNAVAILABLE,
    /** No answer until the client gives up (longer than any sane read timeout). */
    HANG,
    /** The connection is closed without an answer, before anything was done. */
    DROP,
    /** The request is carried out, then the connection is closed without an answer: what reconciliation is for. */
    LOST_ANSWER,
    /** The request is carried out and answered 204, with no body: a success without a SID. */
    NO_CONTENT,
    /** The request is carried out and answered 201 {@code {}}: a success without a SID. */
    EMPTY_CREATED,
    /** The request is carried out and answered with a body far larger than any of Twilio's (1.5 GB if the client reads it all). */
    HUGE_ANSWER,
    /** 429 with an HTML page (a proxy's), not Twilio's JSON: not processed. */
    HTML_RATE_LIMIT,
    /** 401 with an HTML page (a proxy's), not Twilio's JSON. */
    HTML_UNAUTHORIZED
}
