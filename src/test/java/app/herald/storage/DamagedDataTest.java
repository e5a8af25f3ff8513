package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.TestContacts;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, cut, emptied or newer data, made for real in the test: refused in words, never written
 * to, and a backup puts the lists back.
 */
class DamagedDataTest {

    @TempDir
    Path folder;

    private Path base() {
        return folder.resolve("herald");
    }

    private Path file() {
        return folder.resolve("herald.mv.db");
    }

    private void aListOf(int contacts) {
        try (Database database = Database.open(base())) {
            TestContacts.list(database.jdbi(), "Parents", contacts);
        }
    }

    private long contacts() {
        try (Database database = Database.open(base())) {
            return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one());
        }
    }

    private String digest() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file())));
    }

    private void refusedUntouched(StorageException.Reason reason, String words) throws Exception {
        String before = digest();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> Database.open(base()))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                    .hasMessageContaining(words).hasMessageContaining("Herald has not changed it");
        }
        assertThat(digest()).as("a refused open writes nothing").isEqualTo(before);
    }

    @Test
    void aDatabaseCutToHalfItsSizeIsRefusedAndLeftAsItIs() throws Exception {
        aListOf(25_000);
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        String before = digest();
        assertThatThrownBy(() -> Database.open(base())).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.backupCanHelp()).as(e.getMessage()).isTrue());
        assertThat(digest()).isEqualTo(before);
    }

    @Test
    void aDatabaseMadeOlderThanHeraldLeftItIsRefused() throws Exception {
        aListOf(10);
        Path older = Files.copy(file(), folder.resolve("older.mv.db"));
        try (Database database = Database.open(base())) {
            TestContacts.list(database.jdbi(), "Later", 10);
        }
        Files.copy(older, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        refusedUntouched(StorageException.Reason.LOST_DATA, "is older than Herald left it");
    }

    @Test
    void anEmptiedDatabaseIsRefusedNotReplacedByANewOne() throws Exception {
        aListOf(10);
        Files.write(file(), new byte[0]);

        assertThatThrownBy(() -> Database.open(base())).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.LOST_DATA)).hasMessageContaining("is empty");
        assertThat(Files.size(file())).as("still empty, for a person to look at").isZero();
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneSentence() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(file(), noise);

        refusedUntouched(StorageException.Reason.DAMAGED, "is damaged and cannot be read");
        assertThatThrownBy(() -> Database.open(base())).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aNewerHeraldsDataIsRefusedWithoutWritingAChunk() throws Exception {
        aListOf(10);
        try (Database database = Database.open(base())) {
            database.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                            + " \"script\", \"installed_by\", \"execution_time\", \"success\")"
                            + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 'herald', 1, TRUE)"));
        }
        String before = digest();

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> Database.open(base())).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NEWER_VERSION));
        }
        assertThat(digest()).as("three refused opens, not three new chunks").isEqualTo(before);
    }

    @Test
    void aBackupPutsTheListsBackAndTheDamagedFileIsKept() throws Exception {
        aListOf(2_500);
        try (Database database = Database.open(base())) {
            Backups.of(base()).now(database.jdbi());
        }
        Files.write(file(), new byte[4096]);
        assertThatThrownBy(() -> Database.open(base())).isInstanceOf(StorageException.class);

        Backups backups = Backups.of(base());
        Backups.Backup newest = backups.newestGood().orElseThrow();
        Path kept = backups.restore(newest.file()).orElseThrow();

        assertThat(contacts()).isEqualTo(2_500);
        assertThat(Files.size(kept)).as("the damaged file, aside").isEqualTo(4096);
    }

    @Test
    void aMigrationIsPrecededByACopyOfTheFileAsItWas() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base().toAbsolutePath(), "herald", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("6").load().migrate();
        pool.dispose();

        try (Database database = Database.open(base())) {
            int schema = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"").mapTo(Integer.class).one());
            assertThat(schema).isEqualTo(Database.SCHEMA_VERSION);
        }

        assertThat(Backups.of(base()).list()).singleElement().satisfies(backup -> {
            assertThat(backup.kind()).isEqualTo("before an update");
            assertThat(backup.file().getFileName().toString()).startsWith("before-update-v6-");
        });
    }

    @Test
    void aDailyBackupIsMadeOnceADay() {
        try (Database database = Database.open(base())) {
            assertThat(Backups.of(base()).daily(database.jdbi())).isPresent();
            assertThat(Backups.of(base()).daily(database.jdbi())).as("today's is there").isEmpty();
        }
        assertThat(Backups.of(base()).list()).hasSize(1);
    }
}
