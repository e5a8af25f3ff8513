package app.herald.storage;

import java.net.URI;
import java.util.Objects;

/**
 * A PostgreSQL server holding the data several desktops share, and how Herald signs in to it.
 * {@link #toString()} never shows the password.
 *
 * @param url      {@code jdbc:postgresql://host:port/database}, with pgjdbc's options if any
 * @param user     the user Herald signs in as
 * @param password its password (from the credential store or the environment), "" for none
 */
public record SharedServer(String url, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    public SharedServer {
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A shared database is named like jdbc:postgresql://server:5432/herald,"
                    + " not " + (url == null || url.isBlank() ? "nothing" : "\"" + url + "\"") + ".");
        }
    }

    /** The server as Settings asks for it: its host, port and database, with TLS required or off. */
    public static SharedServer of(String host, int port, String database, boolean tls, String user, String password) {
        if (host.isBlank() || database.isBlank()) {
            throw new IllegalArgumentException("Say the server's name and its database's name.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535; PostgreSQL's is usually 5432.");
        }
        return new SharedServer(PREFIX + host.strip() + ":" + port + "/" + database.strip()
                + "?sslmode=" + (tls ? "verify-full" : "disable"), user.strip(), password);
    }

    /** "db.office.lan:5432/herald": where the data is, in words, without options or secrets. */
    public String where() {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath();
    }

    @Override
    public String toString() {
        return "SharedServer[" + where() + ", user " + user + "]";
    }
}
