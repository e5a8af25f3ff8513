package app.herald.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Where this Herald sends, and why. Credentials in the environment win (an administrator's
 * choice, and the tests'); else LIVE only when the person chose LIVE in Settings and every part
 * of the credentials is there; else SIMULATION. A half-set must never send for real.
 */
public record TwilioChoice(Mode mode, Optional<TwilioCredentials> credentials, boolean fromEnvironment) {

    public static final TwilioChoice SIMULATION = new TwilioChoice(Mode.SIMULATION, Optional.empty(), false);

    public static TwilioChoice resolve(Map<String, String> environment, TwilioSettings settings, Optional<String> secret) {
        Optional<TwilioCredentials> fromEnvironment = TwilioCredentials.fromEnvironment(environment);
        if (fromEnvironment.isPresent()) {
            return new TwilioChoice(Mode.LIVE, fromEnvironment, true);
        }
        Optional<TwilioCredentials> saved = settings.credentials(secret);
        return settings.live() && saved.isPresent() ? new TwilioChoice(Mode.LIVE, saved, false) : SIMULATION;
    }
}
