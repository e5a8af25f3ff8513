package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.contacts.RecipientLists;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Herald's data on a real PostgreSQL server: the same schema as on H2, and the refusals a person reads. Runs in Maven's postgresql run. */
class SharedDatabaseTest {

    @TempDir
    Path folder;

    @BeforeEach
    void onPostgresql() {
        assumeTrue(TestDatabases.POSTGRESQL, "runs against PostgreSQL (mvn verify's postgresql run)");
    }

    @Test
    void anEmptyDatabaseIsSetUpWithTheSchemaH2HasColumnForColumn() {
        SharedServer server = TestPostgres.newDatabase();
        assertThat(SharedDatabase.check(server)).matches("PostgreSQL 18\\.\\S+ at localhost:\\d+/herald_\\d+: the database is empty:"
                + " Herald will set it up\\.");
        try (Database shared = Database.open(server); Database file = Database.open(folder.resolve("herald"))) {
            assertThat(shared.engine()).isEqualTo(Engine.POSTGRESQL);
            List<String> tables = tables(shared.jdbi(), "public");
            assertThat(tables).isEqualTo(tables(file.jdbi(), "PUBLIC"));
            for (String table : tables.stream().filter(table -> !table.equals("flyway_schema_history")).toList()) {
                assertThat(columns(shared.jdbi(), table)).as(table).isEqualTo(columns(file.jdbi(), table.toUpperCase()));
            }
        }
        assertThat(SharedDatabase.check(server)).endsWith(": Herald's tables are there.");
    }

    @Test
    void theSchemaRefusesWhatWouldCorruptASendAsOnH2() {
        try (Database shared = Database.open(TestPostgres.newDatabase())) {
            shared.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO recipient_list (name) VALUES ('Staff')");
                long list = handle.createQuery("SELECT id FROM recipient_list").mapTo(Long.class).one();
                handle.execute("INSERT INTO contact (list_id, e164) VALUES (?, '+4915112345678')", list);
                assertThatThrownBy(() -> handle.execute("INSERT INTO recipient_list (name) VALUES ('STAFF')"))
                        .hasMessageContaining("uq_recipient_list_name");
                assertThatThrownBy(() -> handle.execute("INSERT INTO contact (list_id, e164) VALUES (?, '015112345678')", list))
                        .hasMessageContaining("ck_contact_e164");
                handle.execute("INSERT INTO broadcast (id, body, encoding, segments, mode, state)"
                        + " VALUES (1, 'Hello', 'GSM-7', 1, 'SIMULATION', 'SENDING')");
                assertThatThrownBy(() -> handle.execute(
                        "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (1, 1, 10, 'ACCEPTED')"))
                        .hasMessageContaining("ck_batch_sid");
            });
        }
    }

    @Test
    void aDatabaseANewerHeraldSetUpIsRefusedAndLeftUntouched() {
        SharedServer server = TestPostgres.newDatabase();
        try (Database shared = Database.open(server)) {
            shared.jdbi().useHandle(handle -> handle.execute("INSERT INTO flyway_schema_history (installed_rank, version,"
                    + " description, type, script, installed_by, execution_time, success)"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 'herald', 1, TRUE)"));
        }

        assertThatThrownBy(() -> Database.open(server))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("was set up by a newer Herald (database version 99)");
        assertThat(SharedDatabase.check(server)).contains("this database was set up by a newer Herald (version 99)");
    }

    @Test
    void aDatabaseHoldingOtherTablesIsNotTaken() {
        SharedServer server = TestPostgres.newDatabase();
        Jdbi.create(server.url(), server.user(), server.password())
                .useHandle(handle -> handle.execute("CREATE TABLE invoices (id INT)"));

        assertThatThrownBy(() -> Database.open(server))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("already holds tables that are not Herald's");
    }

    @Test
    void aServerThatCannotBeReachedOrHasNoSuchDatabaseIsSaidInWords() {
        SharedServer existing = TestPostgres.newDatabase();
        SharedServer noDatabase = new SharedServer(existing.url().replaceAll("herald_\\d+", "nowhere"), "postgres", "");
        SharedServer noServer = SharedServer.of("localhost", 1, "herald", false, "herald", "x");

        // (the test server trusts every local user, so a wrong password cannot be shown here)
        assertThatThrownBy(() -> Database.open(noDatabase))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("has no such database");
        assertThatThrownBy(() -> Database.open(noServer))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Herald cannot reach the shared database at localhost:1/herald");
    }

    /** The server stops while Herald has its data open: what it then cannot do is said in words, not as a pool's timeout. */
    @Test
    void aServerThatStopsAnsweringIsSaidInWords() throws Exception {
        EmbeddedPostgres own = EmbeddedPostgres.builder().start();
        try (Database shared = Database.open(new SharedServer(own.getJdbcUrl("postgres", "postgres"), "postgres", ""))) {
            RecipientLists lists = new RecipientLists(shared.jdbi());
            lists.create("Parents");
            own.close();

            // the connection the pool holds is cut ("terminating connection due to administrator command")
            assertThatThrownBy(lists::all).satisfies(failure -> assertThat(StorageException.placeWords(failure))
                    .hasValue("Herald cannot reach the shared database just now, so this was not finished. Check the"
                            + " network (or ask whoever runs the server), then try again."));
            // then no connection can be made at all
            assertThatThrownBy(lists::all).satisfies(failure -> assertThat(StorageException.placeWords(failure)).isPresent());
        }
    }

    private static List<String> tables(Jdbi jdbi, String schema) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT LOWER(table_name) FROM information_schema.tables"
                        + " WHERE table_schema = :schema ORDER BY 1")
                .bind("schema", schema).mapTo(String.class).list());
    }

    /** Each column's name and whether it may be null, in order. */
    private static List<String> columns(Jdbi jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT LOWER(column_name) || ' ' || is_nullable"
                        + " FROM information_schema.columns WHERE table_name = :table ORDER BY ordinal_position")
                .bind("table", table).mapTo(String.class).list());
    }
}
