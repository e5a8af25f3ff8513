package app.herald.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The fallback where no credential store is reachable: a properties file in the data folder that
 * only its owner may read (mode 600, or an ACL naming only the owner on Windows), as every settings
 * file is ({@link PropertiesFile}); made so before the secret is written into it.
 */
final class FileSecretStore implements SecretStore {

    private final Path file;

    FileSecretStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<String> read(String name) throws IOException {
        return Optional.ofNullable(load().getProperty(name));
    }

    @Override
    public synchronized void write(String name, String secret) throws IOException {
        Properties secrets = load();
        secrets.setProperty(name, secret);
        store(secrets);
    }

    @Override
    public boolean isOsStore() {
        return false;
    }

    private Properties load() throws IOException {
        return PropertiesFile.load(file);
    }

    private void store(Properties secrets) throws IOException {
        PropertiesFile.store(file, secrets, "Herald's Twilio secret: readable by its owner only");
    }
}
