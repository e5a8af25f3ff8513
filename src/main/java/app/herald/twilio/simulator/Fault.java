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
    LOST_ANSWER
}
