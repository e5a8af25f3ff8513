package app.herald.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return new TwilioSettings(properties.getProperty("account.sid"), properties.getProperty("apiKey.sid"),
                properties.getProperty("notify.service.sid"), properties.getProperty("own.number"),
                Boolean.parseBoolean(properties.getProperty("mode.live")));
    }

    /** Writes a temporary file and moves it over the old one, so a crash never leaves half a file. */
    public void save(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("account.sid", accountSid);
        properties.setProperty("apiKey.sid", apiKeySid);
        properties.setProperty("notify.service.sid", serviceSid);
        properties.setProperty("own.number", ownNumber);
        properties.setProperty("mode.live", Boolean.toString(live));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Herald's Twilio settings; the secret is kept elsewhere");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
