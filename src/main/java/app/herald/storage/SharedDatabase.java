package app.herald.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's data on a PostgreSQL server several desktops share: set up by Flyway when the database
 * is empty, brought up to this version's schema otherwise, never touched when a newer Herald set it
 * up. Every PostgreSQL commit is durable when it returns, so nothing needs syncing.
 */
final class SharedDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(SharedDatabase.class);
    /** A few connections: the window's screens, a send, the status follower. */
    private static final int CONNECTIONS = 6;
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private SharedDatabase(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        Engine.set(jdbi, Engine.POSTGRESQL);
    }

    static SharedDatabase open(SharedServer server) {
        HikariDataSource pool = connect(server);
        try {
            Flyway flyway = Migrations.flyway(pool, Engine.POSTGRESQL);
            requireNotNewer(flyway.info(), server);
            int applied = flyway.migrate().migrationsExecuted;
            LOG.info("Shared database {} ready ({} migrations applied now)", server.where(), applied);
            return new SharedDatabase(pool);
        } catch (FlywayException e) {
            pool.close();
            throw notHeralds(server, e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * What Settings' "Test connection" says: the server's version and whether Herald's tables are
     * there, in words. Changes nothing.
     *
     * @throws StorageException UNREACHABLE when the server cannot be reached or refuses the user
     */
    static String check(SharedServer server) {
        try (HikariDataSource pool = connect(server)) {
            String version = Jdbi.create(pool).withHandle(handle -> handle.createQuery("SHOW server_version")
                    .mapTo(String.class).one());
            String words = "PostgreSQL " + version.split(" ")[0] + " at " + server.where() + ": ";
            MigrationInfoService info = Migrations.flyway(pool, Engine.POSTGRESQL).info();
            Optional<String> newer = Migrations.newerVersion(info);
            if (newer.isPresent()) {
                return words + "this database was set up by a newer Herald (version " + newer.get()
                        + "). Install the newest Herald on this computer to use it.";
            }
            int schema = Migrations.current(info);
            if (schema == 0) {
                return words + "the database is empty: Herald will set it up.";
            }
            return words + "Herald's tables are there" + (schema < SCHEMA_VERSION
                    ? " (set up by an older Herald: this one will bring them up to date)." : ".");
        } catch (FlywayException e) {
            throw notHeralds(server, e);
        }
    }

    private static HikariDataSource connect(SharedServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("herald-shared");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw unreachable(server, e);
        }
    }

    private static void requireNotNewer(MigrationInfoService info, SharedServer server) {
        Optional<String> newer = Migrations.newerVersion(info);
        if (newer.isPresent()) {
            throw new StorageException(StorageException.Reason.NEWER_VERSION, "The shared database at " + server.where()
                    + " was set up by a newer Herald (database version " + newer.get() + "). Install the newest"
                    + " Herald on this computer to use it.", null);
        }
    }

    private static StorageException unreachable(SharedServer server, Exception e) {
        SQLException sql = StorageException.sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String words;
        if (state.equals("28P01") || state.equals("28000")) {
            words = "The shared database at " + server.where() + " refused the user \"" + server.user()
                    + "\" or its password. Check them in Settings.";
        } else if (state.equals("3D000")) {
            words = "The server at " + server.where() + " has no such database. Ask whoever runs it to create it"
                    + " (docs/TEAM.md), or check its name in Settings.";
        } else {
            words = "Herald cannot reach the shared database at " + server.where() + " ("
                    + DatabaseFile.firstLine(sql == null ? e.getMessage() : sql.getMessage())
                    + "). Check the network, or that the server is running.";
        }
        return new StorageException(StorageException.Reason.UNREACHABLE, words, e);
    }

    private static StorageException notHeralds(SharedServer server, FlywayException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("non-empty schema")) {
            return new StorageException(StorageException.Reason.UNREADABLE, "The database at " + server.where()
                    + " already holds tables that are not Herald's. Give Herald an empty database of its own.", e);
        }
        return new StorageException(StorageException.Reason.UNREADABLE, "Herald could not set up its data on "
                + server.where() + ": " + DatabaseFile.firstLine(message), e);
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public void close() {
        pool.close();
        LOG.info("Shared database closed");
    }
}
