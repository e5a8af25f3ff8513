package app.herald.broadcast;

/**
 * A request's place in the send journal (DESIGN.md): the only states a Notify batch, or one message
 * of the Messaging channel, can be in.
 */
public enum SendState {
    /** Not sent yet, or Twilio did not process it: it may be sent. */
    PENDING,
    /** Written before the request leaves; found at start-up, it means the app died mid-call. */
    IN_FLIGHT,
    /** Twilio answered 201 (or its log shows it did): the SID is stored. */
    ACCEPTED,
    /** Twilio refused it for good; the reason is stored. */
    FAILED,
    /** It may or may not have been sent: never re-sent without a person deciding. */
    UNCERTAIN,
    /** Was UNCERTAIN; a person who checked Twilio's logs settled it as sent. Never sent again. */
    MARKED_SENT;

    /** Whether this send is over: it will not go out again by itself. */
    public boolean hasEnded() {
        return this != PENDING && this != IN_FLIGHT;
    }
}
