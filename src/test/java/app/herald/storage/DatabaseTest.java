package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path folder;

    private Database open() {
        return Database.open(folder.resolve("herald"));
    }

    @Test
    void migratesAFreshFileToTheWholeSchema() {
        try (Database database = open()) {
            List<String> tables = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT LOWER(table_name) FROM information_schema.tables"
                                    + " WHERE table_schema = 'PUBLIC' ORDER BY 1")
                    .mapTo(String.class).list());

            assertThat(tables).containsExactly("batch", "broadcast", "broadcast_recipient", "contact", "contact_search_block",
                    "flyway_schema_history", "message_template", "opt_out", "recipient_list", "reply", "status_check", "work_lease");
            assertThat(columns(database, "BATCH")).containsExactly("BROADCAST_ID", "BATCH_NO", "SIZE", "STATE",
                    "NOTIFICATION_SID", "ERROR_CODE", "ERROR_MESSAGE", "ATTEMPTS", "SENT_AT", "UPDATED_AT");
            assertThat(columns(database, "BROADCAST_RECIPIENT")).containsExactly("BROADCAST_ID", "E164", "BATCH_NO", "NAME",
                    "STATE", "SID", "ERROR_CODE", "ERROR_MESSAGE", "ATTEMPTS", "UPDATED_AT", "STATUS", "STATUS_AT", "STATUS_MATCHED",
                    "BODY");
            assertThat(columns(database, "CONTACT")).containsExactly("ID", "LIST_ID", "E164", "NAME", "EXTRA", "CREATED_AT",
                    "FIRST_NAME", "LAST_NAME", "VERSION");
        }
    }

    /** Where a million rows go, every index is one H2 writes for each of them: none may merely begin another. */
    @Test
    void theTablesThatGrowByMillionsKeepNoIndexTwice() {
        try (Database database = open()) {
            for (String table : List.of("CONTACT", "BROADCAST_RECIPIENT")) {
                List<String> indexes = database.jdbi().withHandle(handle -> handle.createQuery("""
                                SELECT LISTAGG(column_name, ',') WITHIN GROUP (ORDER BY ordinal_position)
                                FROM information_schema.index_columns WHERE table_name = :table GROUP BY index_name""")
                        .bind("table", table).mapTo(String.class).list());
                for (String index : indexes) {
                    for (String other : indexes) {
                        assertThat(other.equals(index) || !(other + ",").startsWith(index + ","))
                                .as("%s: the index on (%s) begins the one on (%s)", table, index, other).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theQueriesThatMatterUseAnIndex() {
        try (Database database = open()) {
            assertThat(plan(database, "SELECT id, e164, name FROM contact WHERE list_id = 1 AND id > 500"
                    + " ORDER BY list_id, id LIMIT 100"))
                    .contains("IX_CONTACT_LIST_ID", "index sorted");
            assertThat(plan(database, "SELECT id, e164, name FROM contact WHERE list_id = 1 AND id < 500"
                    + " ORDER BY list_id DESC, id DESC LIMIT 100"))
                    .contains("IX_CONTACT_LIST_ID", "index sorted");
            assertThat(plan(database, "SELECT broadcast_id, batch_no FROM batch WHERE state = 'IN_FLIGHT'"))
                    .contains("IX_BATCH_STATE");
            assertThat(plan(database, "SELECT e164 FROM broadcast_recipient WHERE broadcast_id = 1 AND batch_no = 3"
                    + " ORDER BY broadcast_id, batch_no, e164")).contains("PRIMARY_KEY", "index sorted");
            assertThat(plan(database, "SELECT reason FROM opt_out WHERE e164 = '+4915112345678'"))
                    .contains("PRIMARY_KEY");
            // a page of Twilio's log matched to recipients: each looked up by the whole key, not the broadcast's rows read
            assertThat(plan(database, "SELECT r.status FROM UNNEST(CAST(ARRAY[0] AS INT ARRAY),"
                    + " CAST(ARRAY['+14155550100'] AS VARCHAR(16) ARRAY)) AS n(batch_no, e164)"
                    + " JOIN broadcast_recipient r ON r.broadcast_id = 1 AND r.batch_no = n.batch_no AND r.e164 = n.e164"))
                    .contains("PRIMARY_KEY", "BATCH_NO = N.BATCH_NO", "E164 = N.E164");
        }
    }

    @Test
    void theSchemaRefusesWhatWouldCorruptASend() {
        try (Database database = open()) {
            database.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO recipient_list (id, name) VALUES (1, 'Staff')");
                handle.execute("INSERT INTO contact (list_id, e164) VALUES (1, '+4915112345678')");

                assertThatThrownBy(() -> handle.execute("INSERT INTO recipient_list (id, name) VALUES (2, 'STAFF')"))
                        .hasMessageContaining("UQ_RECIPIENT_LIST_NAME");
                assertThatThrownBy(() -> handle.execute("INSERT INTO contact (list_id, e164) VALUES (1, '+4915112345678')"))
                        .hasMessageContaining("UQ_CONTACT_LIST_E164");
                assertThatThrownBy(() -> handle.execute("INSERT INTO contact (list_id, e164) VALUES (1, '015112345678')"))
                        .hasMessageContaining("CK_CONTACT_E164");

                handle.execute("INSERT INTO broadcast (id, body, encoding, segments, mode, state)"
                        + " VALUES (1, 'Hello', 'GSM-7', 1, 'SIMULATION', 'SENDING')");
                assertThatThrownBy(() -> handle.execute(
                        "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (1, 1, 10001, 'PENDING')"))
                        .hasMessageContaining("CK_BATCH_SIZE");
                assertThatThrownBy(() -> handle.execute(
                        "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (1, 1, 10, 'ACCEPTED')"))
                        .hasMessageContaining("CK_BATCH_SID");
                assertThatThrownBy(() -> handle.execute(
                        "INSERT INTO batch (broadcast_id, batch_no, size, state) VALUES (1, 1, 10, 'SENT')"))
                        .hasMessageContaining("CK_BATCH_STATE");
            });
        }
    }

    /**
     * Reproduced on a real data folder: with H2's default reuse of free space, a process that died
     * without closing the database (a crash, or a kill) made the next sessions reopen an older state,
     * and committed opt-outs were gone. Appending only, every commit that reached the file stays.
     */
    @Test
    void commitsAreWrittenAtOnceAndOnlyAppendedSoACrashCannotLoseThem() {
        try (Database database = open()) {
            String reuseSpace = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'REUSE_SPACE'")
                    .mapTo(String.class).one());
            assertThat(reuseSpace).isEqualToIgnoringCase("false");
            List<String> writeDelay = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).list());
            assertThat(writeDelay).as("each commit written at once").containsOnly("0");
        }
    }

    @Test
    void reopeningKeepsTheDataAndMigratesNothingTwice() {
        try (Database database = open()) {
            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO opt_out (e164, reason) VALUES ('+447700900123', 'STOP')"));
        }

        try (Database database = open()) {
            String reason = database.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT reason FROM opt_out").mapTo(String.class).one());
            List<String> migrations = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")
                    .mapTo(String.class).list());

            assertThat(reason).isEqualTo("STOP");
            assertThat(migrations).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18");
            assertThat(migrations).as("the schema version the read-only check expects").last()
                    .isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
        }
    }

    @Test
    void aDatabaseFromANewerHeraldIsRefusedAndLeftUntouched() {
        try (Database database = open()) {
            database.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                            + " \"script\", \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 'herald', 1, TRUE)"));
        }

        assertThatThrownBy(this::open)
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NEWER_VERSION))
                .hasMessageContaining("newer version of Herald");
    }

    private static List<String> columns(Database database, String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = :table ORDER BY ordinal_position")
                .bind("table", table)
                .mapTo(String.class).list());
    }

    private static String plan(Database database, String query) {
        return database.jdbi().withHandle((Handle handle) ->
                handle.createQuery("EXPLAIN " + query).mapTo(String.class).one());
    }

    @Test
    void theFirstBroadcastAfterACrashTakesTheNextNumber() throws Exception {
        Path crashed = folder.resolve("crashed");
        Files.createDirectories(crashed);
        try (Database database = open()) {
            assertThat(newBroadcast(database)).isEqualTo(1);
            Checkpoints.sync(database.jdbi());
            // the file as a kill -9 leaves it: synced, never closed
            Files.copy(folder.resolve("herald.mv.db"), crashed.resolve("herald.mv.db"));
        }

        try (Database afterCrash = Database.open(crashed.resolve("herald"))) {
            assertThat(newBroadcast(afterCrash)).as("not 33: H2's identity cache is off for broadcasts").isEqualTo(2);
        }
    }

    private static long newBroadcast(Database database) {
        return database.jdbi().withHandle(handle -> handle.createUpdate("""
                        INSERT INTO broadcast (body, encoding, segments, mode, state) VALUES ('Hi', 'GSM-7', 1, 'SIMULATION', 'FINISHED')""")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
