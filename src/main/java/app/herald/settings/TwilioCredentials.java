package app.herald.settings;

import java.util.Map;
import java.util.Optional;

/**
 * An account (or an API key and its secret) and the Notify service to send through. The secret
 * never shows in {@link #toString()}, so it cannot leak into a log by accident.
 */
public record TwilioCredentials(String accountSid, String username, String secret, String serviceSid) {

    public TwilioCredentials {
        if (blank(accountSid) || blank(username) || blank(secret) || blank(serviceSid)) {
            throw new IllegalArgumentException("Twilio needs an Account SID, a token or API key, and a Notify Service SID");
        }
    }

    /** From TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or TWILIO_API_KEY + TWILIO_API_SECRET) and TWILIO_NOTIFY_SERVICE_SID. */
    public static Optional<TwilioCredentials> fromEnvironment(Map<String, String> environment) {
        String account = environment.get("TWILIO_ACCOUNT_SID");
        String service = environment.get("TWILIO_NOTIFY_SERVICE_SID");
        String apiKey = environment.get("TWILIO_API_KEY");
        String apiSecret = environment.get("TWILIO_API_SECRET");
        String token = environment.get("TWILIO_AUTH_TOKEN");
        if (blank(account) || blank(service)) {
            return Optional.empty();
        }
        if (!blank(apiKey) && !blank(apiSecret)) {
            return Optional.of(new TwilioCredentials(account, apiKey, apiSecret, service));
        }
        return blank(token) ? Optional.empty() : Optional.of(new TwilioCredentials(account, account, token, service));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "TwilioCredentials[account " + accountSid + ", user " + username + ", service " + serviceSid + ", secret ***]";
    }
}
