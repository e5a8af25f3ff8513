package app.herald.settings;

import java.util.Map;
import java.util.function.Supplier;

/** Chooses where secrets go: the operating system's credential store when it answers, else the owner-only file. */
public final class SecretStores {

    /** {@code HERALD_SECRET_STORE=file} keeps the secret in the data folder (portable use, tests) even where a store exists. */
    public static final String CHOICE_VARIABLE = "HERALD_SECRET_STORE";

    private SecretStores() {
    }

    /**
     * The store, opened the first time it is asked for and then kept: a start that needs no secret
     * never asks the credential store (which may be slow, or ask the person to unlock it), and the
     * Twilio secret and the shared server's password share one.
     */
    static Supplier<SecretStore> openedOnFirstUse(DataFolder dataFolder, Map<String, String> environment) {
        return new Supplier<>() {
            private SecretStore opened;

            @Override
            public synchronized SecretStore get() {
                if (opened == null) {
                    opened = open(dataFolder, environment);
                }
                return opened;
            }
        };
    }

    public static SecretStore open(DataFolder dataFolder, Map<String, String> environment) {
        FileSecretStore file = new FileSecretStore(dataFolder.secrets());
        if ("file".equalsIgnoreCase(environment.get(CHOICE_VARIABLE))) {
            return file;
        }
        return KeyringSecretStore.open(dataFolder).orElse(file);
    }
}
