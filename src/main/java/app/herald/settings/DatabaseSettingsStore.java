package app.herald.settings;

import app.herald.storage.SharedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where Herald keeps its data, as Settings saved it and the environment overrides it: the
 * settings in the data folder, the shared server's password in the secret store (opened only when a
 * shared server is chosen, so a desktop on its own file never asks the credential store).
 */
public final class DatabaseSettingsStore {

    private final Path file;
    private final Map<String, String> environment;
    private final Supplier<SecretStore> secrets;

    private DatabaseSettingsStore(Path file, Map<String, String> environment, Supplier<SecretStore> secrets) {
        this.file = file;
        this.environment = environment;
        this.secrets = secrets;
    }

    /** @param secrets the store, opened at its first use ({@link SecretStores#openedOnFirstUse}) */
    static DatabaseSettingsStore open(DataFolder dataFolder, Map<String, String> environment, Supplier<SecretStore> secrets) {
        return new DatabaseSettingsStore(dataFolder.databaseSettings(), Map.copyOf(environment), secrets);
    }

    public DatabaseSettings load() throws IOException {
        return DatabaseSettings.load(file);
    }

    /** True when HERALD_DATABASE_URL chooses the server, whatever Settings saved. */
    public boolean environmentChooses() {
        return !environment.getOrDefault("HERALD_DATABASE_URL", "").isBlank();
    }

    /** The saved password of the shared server; empty when none was saved. */
    public Optional<String> password() throws IOException {
        return secrets.get().read(DatabaseSettings.PASSWORD_NAME);
    }

    /** Keeps the settings, and a new password when one was typed: the password first, so saved settings never name one not kept. */
    public void save(DatabaseSettings settings, Optional<String> newPassword) throws IOException {
        if (newPassword.isPresent()) {
            secrets.get().write(DatabaseSettings.PASSWORD_NAME, newPassword.get());
        }
        settings.save(file);
    }

    /**
     * The shared server in force: the environment's (HERALD_DATABASE_URL, HERALD_DATABASE_USER,
     * HERALD_DATABASE_PASSWORD), else the one Settings saved, else none (this computer's file).
     *
     * @throws IllegalArgumentException when HERALD_DATABASE_URL is not a PostgreSQL address, or the saved settings are incomplete
     */
    public Optional<SharedServer> server() {
        if (environmentChooses()) {
            return Optional.of(new SharedServer(environment.get("HERALD_DATABASE_URL").strip(),
                    environment.getOrDefault("HERALD_DATABASE_USER", "herald"),
                    environment.getOrDefault("HERALD_DATABASE_PASSWORD", "")));
        }
        try {
            DatabaseSettings saved = load();
            return saved.shared() ? Optional.of(saved.server(password().orElse(""))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Herald could not read where it keeps its data (" + file + ")", e);
        }
    }
}
