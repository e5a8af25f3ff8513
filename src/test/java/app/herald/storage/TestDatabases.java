package app.herald.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The database a test of the storage, contacts, broadcast or journal suites runs on: an H2 file,
 * or, when Maven's "postgresql" run sets {@code herald.test.database=postgresql}, a database of its
 * own on a real PostgreSQL (TestPostgres). The same suites prove both engines.
 */
public final class TestDatabases {

    /** True in the run of the suites against PostgreSQL. */
    public static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("herald.test.database"));

    private TestDatabases() {
    }

    /** The database for an H2 file base such as {@code folder/herald}: on PostgreSQL, the same database each time. */
    public static Database open(Path fileBase) {
        return POSTGRESQL ? Database.open(TestPostgres.databaseFor(fileBase)) : Database.open(fileBase);
    }

    /**
     * Another desktop on the same database, as a second Herald on a shared server would be: a Jdbi
     * of its own whose leases are held by {@code computer}, for {@code leaseLength} unless renewed.
     */
    public static Jdbi anotherDesktop(Database database, String computer, Duration leaseLength) {
        Jdbi desk = Jdbi.create(() -> database.jdbi().open().getConnection());
        Engine.set(desk, database.engine());
        WorkLeases.configure(desk, new WorkLeases.Holder(computer + " /data", computer), leaseLength);
        return desk;
    }
}
