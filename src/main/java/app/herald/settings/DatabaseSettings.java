package app.herald.settings;

import app.herald.storage.SharedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where Settings says Herald keeps its data: this computer's file, or a shared PostgreSQL server
 * (its host, port, database, user and TLS; the password is kept in the secret store beside them).
 * HERALD_DATABASE_URL, when set, chooses instead.
 */
public record DatabaseSettings(boolean shared, String host, int port, String database, String user, boolean tls) {

    /** The name the password is kept under in a {@link SecretStore}. */
    public static final String PASSWORD_NAME = "database.password";
    public static final int DEFAULT_PORT = 5432;

    /** Nothing chosen: this computer's file. */
    public static final DatabaseSettings THIS_COMPUTER = new DatabaseSettings(false, "", DEFAULT_PORT, "herald", "herald", true);

    public DatabaseSettings {
        host = host == null ? "" : host.strip();
        database = database == null ? "" : database.strip();
        user = user == null ? "" : user.strip();
    }

    /** The server these settings name, signed in with this password. @throws IllegalArgumentException when a field is missing or wrong */
    public SharedServer server(String password) {
        return SharedServer.of(host, port, database, tls, user, password);
    }

    public static DatabaseSettings load(Path file) throws IOException {
        Properties properties = PropertiesFile.load(file);
        if (properties.isEmpty()) {
            return THIS_COMPUTER;
        }
        int port;
        try {
            port = Integer.parseInt(properties.getProperty("port", String.valueOf(DEFAULT_PORT)).strip());
        } catch (NumberFormatException e) {
            port = DEFAULT_PORT;
        }
        return new DatabaseSettings(Boolean.parseBoolean(properties.getProperty("shared")), properties.getProperty("host"),
                port, properties.getProperty("database", "herald"), properties.getProperty("user", "herald"),
                Boolean.parseBoolean(properties.getProperty("tls", "true")));
    }

    public void save(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("shared", Boolean.toString(shared));
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("database", database);
        properties.setProperty("user", user);
        properties.setProperty("tls", Boolean.toString(tls));
        PropertiesFile.store(file, properties, "Where Herald keeps its data; the password is kept elsewhere");
    }
}
