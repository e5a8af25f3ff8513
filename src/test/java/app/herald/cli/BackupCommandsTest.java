package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** herald backup and herald restore on a real data folder whose database is then damaged for real. */
class BackupCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path files;


    private CommandLineRun run;

    @BeforeEach
    void commandLine() {
        run = new CommandLineRun(home);
    }

    private int herald(String... args) {
        return run.herald(args);
    }

    @Test
    void aDamagedDatabaseIsRefusedInWordsAndTheNewestBackupBringsTheListsBack() throws Exception {
        Path contacts = Files.writeString(files.resolve("parents.csv"), "phone,name\n+14155550132,Ann\n+14155550133,Bob\n");
        assertThat(herald("import", contacts.toString(), "--list", "Parents", "--country", "US")).isZero();
        assertThat(herald("backup")).isZero();
        assertThat(run.out()).startsWith("Backed up Herald's data to " + home.resolve("backups"));
        Files.write(home.resolve("herald.mv.db"), new byte[8192]);

        assertThat(herald("lists")).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("herald: Herald's data file").contains("is damaged")
                .endsWith("herald restore puts the newest in its place.").doesNotContain("\n");

        assertThat(herald("restore")).as("no terminal to ask, no --yes").isEqualTo(1);
        assertThat(run.err()).contains("nothing restored");
        assertThat(herald("restore", "--list")).isZero();
        assertThat(run.out()).contains("by hand");
        assertThat(herald("restore", "--yes")).isZero();
        assertThat(run.out()).contains("The data it replaced is kept as " + home.resolve("herald.mv.db.replaced-"));

        assertThat(herald("lists", "--json")).isZero();
        assertThat(run.out()).contains("\"Parents\"").contains("\"contacts\" : 2");
    }
}
