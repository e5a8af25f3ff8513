package app.herald.storage;

import app.herald.settings.DataFolder;
import java.nio.file.Path;

/** Herald's storage in a data folder (its data on PostgreSQL in that run, see TestDatabases), for tests that fill or read it without the rest of Herald. */
public final class TestStorage {

    private TestStorage() {
    }

    public static Storage open(Path home) {
        DataFolder folder = new DataFolder(home);
        if (TestDatabases.POSTGRESQL) {
            return Storage.open(folder.lockFile(), TestPostgres.databaseFor(home));
        }
        return Storage.open(folder.lockFile(), folder.database());
    }
}
