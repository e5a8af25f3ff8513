package app.herald.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What Settings keeps about Twilio besides the secret: the account, an API key when one is used
 * instead of the Auth Token, the Notify service, the person's own number (for "send a test to
 * me") and whether they chose LIVE. Blank text means "not set".
 *
 * @param apiKeySid blank when the secret is the account's Auth Token
 */
public record TwilioSettings(String accountSid, String apiKeySid, String serviceSid, String ownNumber, boolean live) {

    /** The name the secret is kept under in a {@link SecretStore}. */
    public static final String SECRET_NAME = "twilio.secret";

    public static final TwilioSettings NONE = new TwilioSettings("", "", "", "", false);

    public TwilioSettings {
        accountSid = trimmed(accountSid);
        apiKeySid = trimmed(apiKeySid);
        serviceSid = trimmed(serviceSid);
        ownNumber = trimmed(ownNumber);
    }

    /** The credentials these settings and that secret make, when nothing is missing. */
    public Optional<TwilioCredentials> credentials(Optional<String> secret) {
        if (accountSid.isEmpty() || serviceSid.isEmpty() || secret.map(String::isBlank).orElse(true)) {
            return Optional.empty();
        }
        String username = apiKeySid.isEmpty() ? accountSid : apiKeySid;
        return Optional.of(new TwilioCredentials(accountSid, username, secret.get(), serviceSid));
    }

    public Optional<String> ownNumberIfSet() {
        return ownNumber.isEmpty() ? Optional.empty() : Optional.of(ownNumber);
    }

    /** The settings in the file, or none when it does not exist yet. */
    public static TwilioSettings load(Path file) throws IOException {
        Properties properties = PropertiesFile.load(file);
        return properties.isEmpty() ? NONE : new TwilioSettings(properties.getProperty("account.sid"),
                properties.getProperty("apiKey.sid"), properties.getProperty("notify.service.sid"),
                properties.getProperty("own.number"), Boolean.parseBoolean(properties.getProperty("mode.live")));
    }

    public void save(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("account.sid", accountSid);
        properties.setProperty("apiKey.sid", apiKeySid);
        properties.setProperty("notify.service.sid", serviceSid);
        properties.setProperty("own.number", ownNumber);
        properties.setProperty("mode.live", Boolean.toString(live));
        PropertiesFile.store(file, properties, "Herald's Twilio settings; the secret is kept elsewhere");
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
