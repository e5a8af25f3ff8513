package app.herald.storage;

import app.herald.settings.DataFolder;
import java.io.IOException;
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

    /** Slow (file locks, migrations): never call it on the UI thread. */
    public static Storage open(DataFolder folder) {
        InstanceLock lock = InstanceLock.acquire(folder.lockFile());
        try {
            return new Storage(lock, Database.open(folder.database()));
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

    @Override
    public void close() throws IOException {
        try {
            database.close();
        } finally {
            lock.close();
        }
    }
}
