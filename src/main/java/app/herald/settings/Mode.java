package app.herald.settings;

/** Whether broadcasts reach Twilio (LIVE) or Herald's embedded Twilio simulator (SIMULATION); {@link TwilioChoice} decides. */
public enum Mode {
    LIVE,
    SIMULATION
}
