package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.settings.DataFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** herald backup and herald restore on a real data folder whose database is then damaged for real. */
class BackupCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path files;

    private StringWriter out;
    private StringWriter err;

    private int herald(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void aDamagedDatabaseIsRefusedInWordsAndTheNewestBackupBringsTheListsBack() throws Exception {
        Path contacts = Files.writeString(files.resolve("parents.csv"), "phone,name\n+14155550132,Ann\n+14155550133,Bob\n");
        assertThat(herald("import", contacts.toString(), "--list", "Parents", "--country", "US")).isZero();
        assertThat(herald("backup")).isZero();
        assertThat(out.toString()).startsWith("Backed up Herald's data to " + home.resolve("backups"));
        Files.write(home.resolve("herald.mv.db"), new byte[8192]);

        assertThat(herald("lists")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("herald: Herald's data file").contains("is damaged")
                .endsWith("herald restore puts the newest in its place.").doesNotContain("\n");

        assertThat(herald("restore")).as("no terminal to ask, no --yes").isEqualTo(1);
        assertThat(err.toString()).contains("nothing restored");
        assertThat(herald("restore", "--list")).isZero();
        assertThat(out.toString()).contains("by hand");
        assertThat(herald("restore", "--yes")).isZero();
        assertThat(out.toString()).contains("The data it replaced is kept as " + home.resolve("herald.mv.db.replaced-"));

        assertThat(herald("lists", "--json")).isZero();
        assertThat(out.toString()).contains("\"Parents\"").contains("\"contacts\" : 2");
    }
}
