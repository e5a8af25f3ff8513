package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.settings.DataFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondHeraldInTheSameProcessIsTurnedAway() throws Exception {
        DataFolder folder = new DataFolder(home);
        try (Storage first = TestStorage.open(home)) {
            assertThatThrownBy(() -> TestStorage.open(home))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_OPEN))
                    .hasMessageStartingWith("Herald is already open");
        }
        try (Storage again = TestStorage.open(home)) {
            assertThat(again.jdbi()).isNotNull();
        }
    }

    @Test
    void aSecondHeraldProcessIsTurnedAwayAndACrashedOneLeavesNoStaleLock() throws Exception {
        Process other = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp", System.getProperty("java.class.path"),
                        LockHolder.class.getName(), home.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("OPEN");

            assertThatThrownBy(() -> TestStorage.open(home))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.ALREADY_OPEN));
        } finally {
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Storage afterTheCrash = TestStorage.open(home)) {
            int lists = afterTheCrash.jdbi().withHandle(handle ->
                    handle.createQuery("SELECT COUNT(*) FROM recipient_list").mapTo(Integer.class).one());
            assertThat(lists).isZero();
        }
    }
}
