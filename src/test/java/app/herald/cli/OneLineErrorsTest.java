package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person typed wrong, or a file that cannot be used: one line in words, never a stack trace, nothing half done. */
class OneLineErrorsTest {

    @TempDir
    Path home;

    @TempDir
    Path files;


    private CommandLineRun run;

    private int herald(String... args) {
        return run.herald(args);
    }

    @BeforeEach
    void aList() throws Exception {
        run = new CommandLineRun(home);
        Path contacts = Files.writeString(files.resolve("contacts.csv"), "phone,name\n+14155550132,Ann\n");
        assertThat(herald("import", contacts.toString(), "--list", "Parents", "--country", "US")).isZero();
    }

    /** @return the one line, without "herald: " */
    private String oneLine() {
        String said = run.err().strip();
        assertThat(said).startsWith("herald: ").doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        return said.substring("herald: ".length());
    }

    @Test
    void aMessageFileThatIsNotThere() {
        assertThat(herald("send", "--list", "Parents", "--message-file", files.resolve("missing.txt").toString(), "--yes"))
                .isEqualTo(1);

        assertThat(oneLine()).isEqualTo("There is no file " + files.resolve("missing.txt") + ".");
    }

    @Test
    void aMessageFileThatIsNotUtf8() throws Exception {
        Path message = Files.write(files.resolve("message.txt"), "Réunion à 9 h".getBytes("windows-1252"));

        assertThat(herald("send", "--list", "Parents", "--message-file", message.toString(), "--yes")).isEqualTo(1);

        assertThat(oneLine()).contains("message.txt is not UTF-8 text").contains("Save it as UTF-8");
        assertThat(herald("history", "--json")).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMessageFileThatIsAFolder() {
        assertThat(herald("send", "--list", "Parents", "--message-file", files.toString(), "--yes")).isEqualTo(1);

        assertThat(oneLine()).isEqualTo(files + " is a folder, not a file: choose a file in it.");
    }

    @Test
    void anExportIntoAFolderThatIsNotThere() {
        Path target = files.resolve("no such folder").resolve("parents.csv");

        assertThat(herald("export", "--list", "Parents", target.toString())).isEqualTo(1);

        assertThat(oneLine()).startsWith("There is no folder " + target.getParent() + " to write parents.csv in.");
    }

    @Test
    void anExportOntoAFolder() throws Exception {
        Path folder = Files.createDirectory(files.resolve("exports"));

        assertThat(herald("export", "--list", "Parents", folder.toString())).isEqualTo(1);

        assertThat(oneLine()).startsWith(folder + " is a folder: give the name of the file to write in it");
        try (var left = Files.list(folder)) {
            assertThat(left).as("nothing written into the folder").isEmpty();
        }
    }

    @Test
    void anImportOfAFolder() {
        assertThat(herald("import", files.toString(), "--list", "Other", "--country", "US")).isEqualTo(1);

        assertThat(oneLine()).isEqualTo(files + " is a folder, not a file: choose a file in it.");
    }

    @Test
    void anImportOfAFileHeraldMayNotRead() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may read any file");
        Path secret = Files.writeString(files.resolve("secret.csv"), "phone\n+14155550133\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("-w-------"));

        assertThat(herald("import", secret.toString(), "--list", "Other", "--country", "US")).isEqualTo(1);

        assertThat(oneLine()).isEqualTo("Herald may not read " + secret + ": its permissions do not allow it.");
    }

    @Test
    void aDataFolderThatIsAFileSaysSo() throws Exception {
        Path notAFolder = Files.writeString(files.resolve("herald-data"), "a file");
        run = new CommandLineRun(notAFolder);

        assertThat(herald("lists")).isEqualTo(1);

        assertThat(oneLine()).isEqualTo("Herald cannot use its data folder " + notAFolder + ": " + notAFolder
                + " is a file, not a folder: point HERALD_HOME at a folder, or move the file away.");
    }
}
