package app.herald.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What Settings keeps about Twilio besides the secret: the account, an API key when one is used
 * instead of the Auth Token, the Messaging Service and the Notify service, which of them to send
 * through, the person's own number (for "send a test to me") and whether they chose LIVE. Blank
 * text means "not set".
 *
 * @param apiKeySid blank when the secret is the account's Auth Token
 * @param channel   which service sends: a new setup sends through the Messaging Service
 */
public record TwilioSettings(String accountSid, String apiKeySid, String messagingServiceSid, String notifyServiceSid,
        ChannelKind channel, String ownNumber, boolean live) {

    /** The name the secret is kept under in a {@link SecretStore}. */
    public static final String SECRET_NAME = "twilio.secret";

    public static final TwilioSettings NONE = new TwilioSettings("", "", "", "", ChannelKind.MESSAGES, "", false);

    public TwilioSettings {
        accountSid = trimmed(accountSid);
        apiKeySid = trimmed(apiKeySid);
        messagingServiceSid = trimmed(messagingServiceSid);
        notifyServiceSid = trimmed(notifyServiceSid);
        channel = channel == null ? ChannelKind.MESSAGES : channel;
        ownNumber = trimmed(ownNumber);
    }

    /** The SID of the service the chosen channel sends through; blank when not set. */
    public String serviceSid() {
        return channel == ChannelKind.MESSAGES ? messagingServiceSid : notifyServiceSid;
    }

    /** The same settings sending through another channel (the command line's --channel). */
    public TwilioSettings through(ChannelKind other) {
        return new TwilioSettings(accountSid, apiKeySid, messagingServiceSid, notifyServiceSid, other, ownNumber, live);
    }

    /** The credentials these settings and that secret make, when nothing is missing. */
    public Optional<TwilioCredentials> credentials(Optional<String> secret) {
        if (accountSid.isEmpty() || serviceSid().isEmpty() || secret.map(String::isBlank).orElse(true)) {
            return Optional.empty();
        }
        String username = apiKeySid.isEmpty() ? accountSid : apiKeySid;
        return Optional.of(new TwilioCredentials(accountSid, username, secret.get(), serviceSid()));
    }

    public Optional<String> ownNumberIfSet() {
        return ownNumber.isEmpty() ? Optional.empty() : Optional.of(ownNumber);
    }

    /**
     * The settings in the file, or none when it does not exist yet. A file from before the Messaging
     * channel names only a Notify service: it goes on sending through Notify.
     */
    public static TwilioSettings load(Path file) throws IOException {
        Properties properties = PropertiesFile.load(file);
        if (properties.isEmpty()) {
            return NONE;
        }
        String messaging = properties.getProperty("messaging.service.sid", "");
        String notify = properties.getProperty("notify.service.sid", "");
        ChannelKind channel = ChannelKind.ofLabel(properties.getProperty("send.through", ""))
                .orElse(messaging.isBlank() && !notify.isBlank() ? ChannelKind.NOTIFY : ChannelKind.MESSAGES);
        return new TwilioSettings(properties.getProperty("account.sid"), properties.getProperty("apiKey.sid"), messaging,
                notify, channel, properties.getProperty("own.number"), Boolean.parseBoolean(properties.getProperty("mode.live")));
    }

    public void save(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("account.sid", accountSid);
        properties.setProperty("apiKey.sid", apiKeySid);
        properties.setProperty("messaging.service.sid", messagingServiceSid);
        properties.setProperty("notify.service.sid", notifyServiceSid);
        properties.setProperty("send.through", channel.label());
        properties.setProperty("own.number", ownNumber);
        properties.setProperty("mode.live", Boolean.toString(live));
        PropertiesFile.store(file, properties, "Herald's Twilio settings; the secret is kept elsewhere");
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
