package app.herald.settings;

import java.util.Map;

/** Whether broadcasts reach Twilio (LIVE) or Herald's embedded Notify simulator (SIMULATION). */
public enum Mode {
    LIVE,
    SIMULATION;

    /**
     * LIVE only when the environment names a complete set of Twilio credentials: a half-set
     * must never send for real.
     */
    public static Mode fromEnvironment(Map<String, String> env) {
        return TwilioCredentials.fromEnvironment(env).isPresent() ? LIVE : SIMULATION;
    }
}
