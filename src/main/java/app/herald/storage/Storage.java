package app.herald.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Herald's data: the data-folder lock taken first, then the database: this computer's H2 file,
 * held by this process alone, or a shared PostgreSQL server, where the lock keeps only this
 * computer's own files (settings, logs, the draft) to one Herald. Closing releases both, the lock last.
 */
public final class Storage implements AutoCloseable {

    private final InstanceLock lock;
    private final Database database;

    private Storage(InstanceLock lock, Database database) {
        this.lock = lock;
        this.database = database;
    }

    /**
     * Slow (file locks, migrations): never call it on the UI thread.
     *
     * @param lockFile held while the data is open: one Herald at a time
     * @param database the database files' common start, e.g. {@code .../herald} for {@code .../herald.mv.db}
     */
    public static Storage open(Path lockFile, Path database) {
        return open(lockFile, () -> Database.open(database));
    }

    /** The data on a shared PostgreSQL server (slow: the network, migrations; never on the UI thread). */
    public static Storage open(Path lockFile, SharedServer server) {
        return open(lockFile, () -> Database.open(server));
    }

    private static Storage open(Path lockFile, Supplier<Database> database) {
        InstanceLock lock = InstanceLock.acquire(lockFile);
        try {
            return new Storage(lock, database.get());
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Engine engine() {
        return database.engine();
    }

    /** True when the disk was full at open: the data can be read, nothing written. */
    public boolean isReadOnly() {
        return database.isReadOnly();
    }

    @Override
    public void close() throws IOException {
        try {
            database.close();
        } finally {
            lock.close();
        }
    }
}
