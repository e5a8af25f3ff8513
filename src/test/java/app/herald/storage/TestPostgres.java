package app.herald.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL server for the tests, from the binaries inside a Maven artifact: started once
 * per test JVM (about 2 s), stopped when it exits; each test gets a database of its own on it.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static final Map<Path, SharedServer> DATABASES = new HashMap<>();
    private static int made;

    private TestPostgres() {
    }

    /** A new, empty database. */
    public static synchronized SharedServer newDatabase() {
        EmbeddedPostgres running = server();
        String name = "herald_" + ++made;
        try (Connection connection = running.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return new SharedServer(running.getJdbcUrl("postgres", name), "postgres", "");
    }

    /** The database standing for one H2 file base (or data folder): the same one each time it is asked for. */
    public static synchronized SharedServer databaseFor(Path place) {
        return DATABASES.computeIfAbsent(place.toAbsolutePath().normalize(), unused -> newDatabase());
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going: its temporary folder goes with the next clean
                }
            }));
        }
        return server;
    }
}
