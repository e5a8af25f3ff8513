package app.herald.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Twilio's settings in the data folder, and its secret in the secret store beside them. The
 * store is opened at its first use: a start-up in SIMULATION never needs the credential store.
 */
public final class TwilioSettingsStore {

    private final Path file;
    private final Supplier<SecretStore> secrets;

    private TwilioSettingsStore(Path file, Supplier<SecretStore> secrets) {
        this.file = file;
        this.secrets = secrets;
    }

    public static TwilioSettingsStore open(DataFolder dataFolder, Map<String, String> environment) {
        return open(dataFolder, SecretStores.openedOnFirstUse(dataFolder, environment));
    }

    /** @param secrets the store, opened at its first use ({@link SecretStores#openedOnFirstUse}) */
    static TwilioSettingsStore open(DataFolder dataFolder, Supplier<SecretStore> secrets) {
        return new TwilioSettingsStore(dataFolder.twilioSettings(), secrets);
    }

    public TwilioSettings load() throws IOException {
        return TwilioSettings.load(file);
    }

    public Optional<String> secret() throws IOException {
        return secrets.get().read(TwilioSettings.SECRET_NAME);
    }

    /**
     * Keeps the settings, and a new secret when one was typed. The secret goes first: settings
     * saying LIVE must never point at a secret that was not kept.
     */
    public void save(TwilioSettings settings, Optional<String> newSecret) throws IOException {
        if (newSecret.isPresent()) {
            secrets.get().write(TwilioSettings.SECRET_NAME, newSecret.get());
        }
        settings.save(file);
    }


    /** False when the secret sits in an owner-only file because no credential store answered. */
    public boolean usesOsStore() {
        return secrets.get().isOsStore();
    }

    /**
     * Where sending goes under these settings: {@link TwilioChoice#resolve} with the environment.
     *
     * @param channel a channel chosen for this one run (the command line's --channel), else the one Settings chose
     */
    public TwilioChoice choice(Map<String, String> environment, Optional<ChannelKind> channel) throws IOException {
        TwilioSettings saved = load();
        TwilioSettings settings = channel.map(saved::through).orElse(saved);
        if (TwilioCredentials.fromEnvironment(environment, settings.channel()).isPresent()) {
            // no need to open a credential store (which may ask the person) for a secret not used
            return TwilioChoice.resolve(environment, settings, Optional.empty());
        }
        return TwilioChoice.resolve(environment, settings, settings.live() ? secret() : Optional.empty());
    }
}
