package app.herald.broadcast;

/** Which of a broadcast's recipients History shows, by what Twilio's log said of their message. */
public enum RecipientFilter {
    ALL("TRUE"),
    DELIVERED("r.status IN ('delivered', 'read')"),
    SENT("r.status IN ('sent', 'partially_delivered')"),
    NO_ANSWER_YET("(r.status IS NULL OR r.status IN ('accepted', 'queued', 'sending', 'scheduled'))"),
    /** Undelivered or failed: those "send again to those who did not get it" reaches. */
    NOT_REACHED("r.status IN ('undelivered', 'failed')"),
    UNDELIVERED("r.status = 'undelivered'"),
    FAILED("r.status = 'failed'");

    private final String condition;

    RecipientFilter(String condition) {
        this.condition = condition;
    }

    /** The condition on a broadcast_recipient row {@code r}: a constant of this enum, never a person's text. */
    String condition() {
        return condition;
    }
}
