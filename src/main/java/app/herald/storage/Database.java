package app.herald.storage;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * Herald's database, migrated to this version's schema, reached through Jdbi: an H2 file on this
 * computer, or a PostgreSQL server several desktops share (team mode).
 */
public interface Database extends AutoCloseable {

    /** The schema version of this Herald: its newest migration (DatabaseTest checks that they agree). */
    int SCHEMA_VERSION = 18;

    /** The H2 database whose files start with {@code fileBase}, e.g. {@code .../herald} for {@code .../herald.mv.db}. */
    static Database open(Path fileBase) {
        return H2Database.open(fileBase);
    }

    /** The database on a shared PostgreSQL server, set up by this Herald when it is empty. */
    static Database open(SharedServer server) {
        return SharedDatabase.open(server);
    }

    /**
     * What Settings' "Test connection" and {@code herald database check} say of a shared server: its
     * version and whether Herald's tables are there, in words. Changes nothing.
     *
     * @throws StorageException when the server cannot be reached, or holds tables that are not Herald's
     */
    static String check(SharedServer server) {
        return SharedDatabase.check(server);
    }

    Jdbi jdbi();

    Engine engine();

    /** True when the disk was full at open: the data can be read, nothing written. */
    boolean isReadOnly();

    @Override
    void close();
}
