package app.herald.twilio;

/** Messages Twilio holds for later (the Messaging channel's scheduling), which can be taken back until they go. */
public interface ScheduledMessages {

    /**
     * Takes a scheduled message back.
     *
     * @return false when it was too late: the message is no longer scheduled (Twilio's 30409)
     */
    boolean cancel(String sid) throws GatewayException;
}
