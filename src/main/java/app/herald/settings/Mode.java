package app.herald.settings;

/** Whether broadcasts reach Twilio (LIVE) or Herald's embedded Notify simulator (SIMULATION); {@link TwilioChoice} decides. */
public enum Mode {
    LIVE,
    SIMULATION
}
