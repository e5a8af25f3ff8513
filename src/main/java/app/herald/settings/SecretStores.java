package app.herald.settings;

import java.util.Map;

/** Chooses where secrets go: the operating system's credential store when it answers, else the owner-only file. */
public final class SecretStores {

    /** {@code HERALD_SECRET_STORE=file} keeps the secret in the data folder (portable use, tests) even where a store exists. */
    public static final String CHOICE_VARIABLE = "HERALD_SECRET_STORE";

    private SecretStores() {
    }

    public static SecretStore open(DataFolder dataFolder, Map<String, String> environment) {
        FileSecretStore file = new FileSecretStore(dataFolder.secrets());
        if ("file".equalsIgnoreCase(environment.get(CHOICE_VARIABLE))) {
            return file;
        }
        return KeyringSecretStore.open(dataFolder).orElse(file);
    }
}
