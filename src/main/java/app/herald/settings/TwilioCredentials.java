package app.herald.settings;

import java.util.Map;
import java.util.Optional;

/**
 * An account (or an API key and its secret) and the service to send through: a Messaging Service
 * ({@code MG…}) or a Notify service ({@code IS…}), whose prefix says the channel. The secret never
 * shows in {@link #toString()}, so it cannot leak into a log by accident.
 */
public record TwilioCredentials(String accountSid, String username, String secret, String serviceSid) {

    public TwilioCredentials {
        if (blank(accountSid) || blank(username) || blank(secret) || blank(serviceSid)) {
            throw new IllegalArgumentException(
                    "Twilio needs an Account SID, a token or API key, and a Messaging Service or Notify Service SID");
        }
        if (ChannelKind.ofServiceSid(serviceSid).isEmpty()) {
            throw new IllegalArgumentException("A service SID starts with MG (a Messaging Service) or IS (Notify), not "
                    + serviceSid.substring(0, Math.min(2, serviceSid.length())));
        }
    }

    /** The channel the service sends through. */
    public ChannelKind channel() {
        return ChannelKind.ofServiceSid(serviceSid).orElseThrow();
    }

    /**
     * From TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or TWILIO_API_KEY + TWILIO_API_SECRET) and
     * TWILIO_MESSAGING_SERVICE_SID or TWILIO_NOTIFY_SERVICE_SID; with both services given, the
     * channel preferred decides.
     */
    public static Optional<TwilioCredentials> fromEnvironment(Map<String, String> environment, ChannelKind preferred) {
        String account = environment.get("TWILIO_ACCOUNT_SID");
        String messaging = environment.get("TWILIO_MESSAGING_SERVICE_SID");
        String notify = environment.get("TWILIO_NOTIFY_SERVICE_SID");
        String service = blank(messaging) ? notify : blank(notify) || preferred == ChannelKind.MESSAGES ? messaging : notify;
        String apiKey = environment.get("TWILIO_API_KEY");
        String apiSecret = environment.get("TWILIO_API_SECRET");
        String token = environment.get("TWILIO_AUTH_TOKEN");
        if (blank(account) || blank(service)) {
            return Optional.empty();
        }
        if (!blank(apiKey) && !blank(apiSecret)) {
            return Optional.of(new TwilioCredentials(account.strip(), apiKey.strip(), apiSecret, service.strip()));
        }
        return blank(token) ? Optional.empty()
                : Optional.of(new TwilioCredentials(account.strip(), account.strip(), token, service.strip()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "TwilioCredentials[account " + accountSid + ", user " + username + ", service " + serviceSid + ", secret ***]";
    }
}
