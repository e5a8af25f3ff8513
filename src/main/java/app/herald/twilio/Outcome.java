package app.herald.twilio;

/** What a failed request means for the send journal (DESIGN.md's state machine). */
public enum Outcome {
    /** Twilio did not process it (429, connection refused): the batch goes back to PENDING and is retried after a pause. */
    NOT_PROCESSED,
    /** Twilio refused it for good (a bad number, a body too long): the batch is FAILED with the reason. */
    REJECTED,
    /** It may have been processed (a timeout, a reset, a 5xx): the batch is UNCERTAIN and never re-sent by itself. */
    UNCERTAIN,
    /** The account or service is wrong (401/20003, 404): the broadcast stops with the batch PENDING until Settings are fixed. */
    CONFIGURATION
}
