package app.herald.settings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this Herald sends, through which channel, and why. Credentials in the environment win (an
 * administrator's choice, and the tests'); else LIVE only when the person chose LIVE in Settings
 * and every part of the credentials is there; else SIMULATION, through the channel Settings chose.
 * A half-set must never send for real.
 */
public record TwilioChoice(Mode mode, Optional<TwilioCredentials> credentials, boolean fromEnvironment, ChannelKind channel) {

    public TwilioChoice {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(channel);
        if (credentials.isPresent() && credentials.get().channel() != channel) {
            throw new IllegalArgumentException("credentials for " + credentials.get().channel() + " cannot send through " + channel);
        }
    }

    /** Into the embedded simulator, through this channel. */
    public static TwilioChoice simulation(ChannelKind channel) {
        return new TwilioChoice(Mode.SIMULATION, Optional.empty(), false, channel);
    }

    /** LIVE through these credentials' service. */
    public static TwilioChoice live(TwilioCredentials credentials, boolean fromEnvironment) {
        return new TwilioChoice(Mode.LIVE, Optional.of(credentials), fromEnvironment, credentials.channel());
    }

    public static TwilioChoice resolve(Map<String, String> environment, TwilioSettings settings, Optional<String> secret) {
        Optional<TwilioCredentials> fromEnvironment = TwilioCredentials.fromEnvironment(environment, settings.channel());
        if (fromEnvironment.isPresent()) {
            return live(fromEnvironment.get(), true);
        }
        Optional<TwilioCredentials> saved = settings.credentials(secret);
        return settings.live() && saved.isPresent() ? live(saved.get(), false) : simulation(settings.channel());
    }
}
