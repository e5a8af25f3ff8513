package app.herald.settings;

import java.util.Map;

/** Whether broadcasts reach Twilio (LIVE) or Herald's embedded Notify simulator (SIMULATION). */
public enum Mode {
    LIVE,
    SIMULATION;

    static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    static final String NOTIFY_SERVICE_SID = "TWILIO_NOTIFY_SERVICE_SID";

    /**
     * LIVE only when the environment names a complete set of Twilio credentials: a half-set
     * must never send for real.
     */
    public static Mode fromEnvironment(Map<String, String> env) {
        boolean complete = isSet(env, ACCOUNT_SID) && isSet(env, AUTH_TOKEN) && isSet(env, NOTIFY_SERVICE_SID);
        return complete ? LIVE : SIMULATION;
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
