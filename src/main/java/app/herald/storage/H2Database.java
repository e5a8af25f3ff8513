package app.herald.storage;

import app.herald.files.FileWords;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's H2 file database on this computer, migrated to this version's schema by Flyway.
 * The schema is never downgraded and a database written by a newer Herald is never touched.
 */
final class H2Database implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    /** Compact at close when less of the file than this holds pages in use. */
    private static final int COMPACT_BELOW_PERCENT_IN_USE = 50;

    private final JdbcConnectionPool pool;
    private final Jdbi jdbi;
    private final Path fileBase;
    private final StateRecord record;
    private final boolean readOnly;

    private H2Database(JdbcConnectionPool pool, Path fileBase, StateRecord record, boolean readOnly) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        Engine.set(jdbi, Engine.H2);
        this.fileBase = fileBase;
        this.record = record;
        this.readOnly = readOnly;
    }

    /**
     * Opens (or creates) the database whose files start with {@code fileBase}, e.g.
     * {@code .../herald} for {@code .../herald.mv.db}, and brings its schema up to date. Before
     * anything is written, the file is checked without writing: a file that is damaged, cut
     * short, emptied or written by a newer Herald is refused and left as it is; one that a
     * migration will change is backed up first.
     */
    static H2Database open(Path fileBase) {
        StateRecord record = StateRecord.beside(fileBase);
        OptionalLong onDisk = DatabaseFile.requireIntact(fileBase, record.lastVersion());
        if (onDisk.isPresent()) {
            int schema = schemaReadOnly(fileBase);
            if (schema < SCHEMA_VERSION) {
                Backups.of(fileBase).beforeMigration(schema);
            }
        }
        // AUTO_SERVER stays off: it would listen on every network interface.
        // REUSE_SPACE=FALSE: only ever append to the file. Reusing free space, H2 reopened an older
        // state after a process died without closing it, and committed rows were gone (DatabaseTest).
        // WRITE_DELAY=0: write each commit at once; by default H2 holds it in memory for 500 ms, and a
        // process killed meanwhile lost it (CrashRecoveryTest: a batch sent twice). Lifting it during
        // an import (SET WRITE_DELAY 500) made the import a third faster, and a kill during one then
        // left the table and its index disagreeing ("Row not found in primary index", ImportCrashTest).
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(fileBase) + ";REUSE_SPACE=FALSE;WRITE_DELAY=0", "herald", "");
        try {
            migrate(pool, fileBase);
            H2Database database = new H2Database(pool, fileBase, record, false);
            database.jdbi.getConfig(Durability.class).setAfterSync(database::record);
            // one process at a time opens the file (the data folder's lock): a lease found now was held by
            // one that died, under whatever name it had (the computer or the folder may have been renamed)
            database.jdbi.useHandle(handle -> handle.execute("DELETE FROM work_lease"));
            // what the migrations wrote, on disk and recorded
            Checkpoints.sync(database.jdbi);
            return database;
        } catch (RuntimeException e) {
            pool.dispose();
            if (FileWords.isDiskFull(e) && onDisk.isPresent()) {
                return readOnly(fileBase, record);
            }
            throw e;
        }
    }

    /**
     * On a full disk H2 cannot even open the file for writing (it writes at open): what is there can
     * still be read, so the lists, the history and an export work; anything that writes is refused
     * by H2 ("read only"), which the command line and the window say as "the disk is full".
     */
    private static H2Database readOnly(Path fileBase, StateRecord record) {
        if (schemaReadOnly(fileBase) != SCHEMA_VERSION) {
            throw new StorageException(StorageException.Reason.DISK_FULL, "The disk is full, and Herald must update its"
                    + " data before it can use it. Free some space and start Herald again.", null);
        }
        LOG.warn("The disk is full: the database {} is open read-only", fileBase);
        return new H2Database(JdbcConnectionPool.create(url(fileBase) + ";ACCESS_MODE_DATA=r", "herald", ""), fileBase,
                record, true);
    }

    /** True when the disk was full at open: what is there can be read, nothing written. */
    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    private static String url(Path fileBase) {
        return "jdbc:h2:file:" + fileBase.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The schema version of the file, read without writing to it.
     *
     * @throws StorageException NEWER_VERSION when a newer Herald wrote it
     */
    private static int schemaReadOnly(Path fileBase) {
        JdbcConnectionPool readOnly = JdbcConnectionPool.create(url(fileBase) + ";ACCESS_MODE_DATA=r", "herald", "");
        try {
            MigrationInfoService info = Migrations.flyway(readOnly, Engine.H2).info();
            requireNotNewer(info, fileBase);
            return Migrations.current(info);
        } catch (FlywayException e) {
            throw unreadable(fileBase, e);
        } finally {
            readOnly.dispose();
        }
    }

    private static void requireNotNewer(MigrationInfoService info, Path fileBase) {
        Optional<String> newer = Migrations.newerVersion(info);
        if (newer.isPresent()) {
            throw new StorageException(StorageException.Reason.NEWER_VERSION,
                    "This data was saved by a newer version of Herald (database version "
                            + newer.get() + "). Install that version, or the newest Herald, to open it."
                            + " (Data folder: " + fileBase.getParent() + ")",
                    null);
        }
    }

    private static void migrate(JdbcConnectionPool pool, Path fileBase) {
        Flyway flyway = Migrations.flyway(pool, Engine.H2);
        try {
            requireNotNewer(flyway.info(), fileBase);
            int applied = flyway.migrate().migrationsExecuted;
            LOG.info("Database {} ready ({} migrations applied now)", fileBase, applied);
        } catch (FlywayException e) {
            throw unreadable(fileBase, e);
        }
    }

    /**
     * Brings the state record up to the store's version, which a sync has just put on disk. Asked of
     * the store itself: INFORMATION_SCHEMA.SETTINGS gives the same figure, but makes every setting
     * first, the file's chunk statistics among them (a walk over all its chunks), and a Messaging
     * send syncs thousands of times for a million recipients: that query was a sixth of its journal's work.
     */
    private void record() {
        long version;
        try {
            version = jdbi.withHandle(handle -> {
                JdbcConnection connection = handle.getConnection().unwrap(JdbcConnection.class);
                return ((SessionLocal) connection.getSession()).getDatabase().getStore().getMvStore().getCurrentVersion();
            });
        } catch (SQLException e) {
            // the record then stays at an older version: the check at the next open is weaker, never wrong
            LOG.warn("Could not read the version of {}", fileBase, e);
            return;
        }
        record.write(version);
    }

    private static StorageException unreadable(Path fileBase, FlywayException e) {
        SQLException sql = StorageException.sqlCause(e);
        if (sql != null && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new StorageException(StorageException.Reason.ALREADY_OPEN,
                    "Herald's data is in use by another program. Close it and start Herald again."
                            + " (Data folder: " + fileBase.getParent() + ")", e);
        }
        if (sql != null && sql.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
            return new StorageException(StorageException.Reason.NEWER_VERSION,
                    "This data was saved in a format this version of Herald does not know."
                            + " Install the newest Herald to open it. (Data folder: " + fileBase.getParent() + ")", e);
        }
        if (FileWords.isDiskFull(e)) {
            return new StorageException(StorageException.Reason.DISK_FULL, "The disk is full, so Herald cannot open its data"
                    + " in " + fileBase.getParent() + ". Free some space and start Herald again.", e);
        }
        return new StorageException(StorageException.Reason.UNREADABLE,
                "Herald could not open its data in " + fileBase.getParent() + ": " + DatabaseFile.firstLine(e.getMessage()), e);
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public Engine engine() {
        return Engine.H2;
    }

    /**
     * Closes the database, compacting it when most of the file is pages no longer used: H2 only
     * appends while open (REUSE_SPACE=FALSE), so a million-row import leaves a file of 826 MB
     * holding 59 MB of data; compacting it at close takes about 3 s. A file mostly in use is
     * closed as it is, so an ordinary command is not slowed.
     */
    @Override
    public void close() {
        if (readOnly) {
            pool.dispose();
            return;
        }
        try {
            int inUse = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")
                    .mapTo(Integer.class).one());
            if (inUse < COMPACT_BELOW_PERCENT_IN_USE) {
                long start = System.nanoTime();
                // the connection is gone with the database once SHUTDOWN has run: the pool discards it
                try (Statement statement = pool.getConnection().createStatement()) {
                    statement.execute("SHUTDOWN COMPACT");
                }
                LOG.info("Database compacted at close ({}% of the file was in use) in {} ms", inUse,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Could not compact the database; it is closed as it is", e);
        }
        pool.dispose();
        // closing wrote a last chunk (and compacting, a new file): the record says exactly what is left
        try {
            record.write(DatabaseFile.version(DatabaseFile.of(fileBase)));
        } catch (StorageException e) {
            LOG.warn("Could not read the database back after closing it", e);
        }
        LOG.info("Database closed");
    }
}
