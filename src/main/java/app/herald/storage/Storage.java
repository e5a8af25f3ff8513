package app.herald.storage;

import java.io.IOException;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/**
 * Herald's data, held by this process alone: the data-folder lock taken first, then the database.
 * Closing releases both, the lock last.
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
        InstanceLock lock = InstanceLock.acquire(lockFile);
        try {
            return new Storage(lock, Database.open(database));
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
