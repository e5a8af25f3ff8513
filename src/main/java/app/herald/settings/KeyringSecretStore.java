package app.herald.settings;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.io.IOException;
import java.util.Optional;

/**
 * The operating system's credential store (Keychain, Windows Credential Manager, the Secret
 * Service) through java-keyring. Entries are named after the data folder, so two Herald homes
 * (a portable copy, the tests) never read each other's secret.
 */
final class KeyringSecretStore implements SecretStore {

    private static final String SERVICE = "Herald";

    private final Keyring keyring;
    private final String folder;

    private KeyringSecretStore(Keyring keyring, DataFolder dataFolder) {
        this.keyring = keyring;
        this.folder = dataFolder.path().toString();
    }

    /** Empty when this computer offers no credential store Herald can use (a server without a desktop session). */
    static Optional<SecretStore> open(DataFolder dataFolder) {
        try {
            return Optional.of(new KeyringSecretStore(Keyring.create(), dataFolder));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> read(String name) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account(name)));
        } catch (PasswordAccessException e) {
            // the library reports a missing entry and a refused one alike
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, String secret) throws IOException {
        try {
            keyring.setPassword(SERVICE, account(name), secret);
        } catch (PasswordAccessException e) {
            throw new IOException("The credential store refused to keep the Twilio secret", e);
        }
    }

    @Override
    public boolean isOsStore() {
        return true;
    }

    private String account(String name) {
        return name + " (" + folder + ")";
    }
}
