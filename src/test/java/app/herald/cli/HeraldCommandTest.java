package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.Version;
import app.herald.settings.DataFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HeraldCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void versionPrintsHeraldsVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).startsWith("Herald " + Version.current());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpSaysHowToUseIt() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: herald", "SIMULATION", "HERALD_HOME", "--version");
    }

    @Test
    void everyDescriptionIsWholeSentencesThatHelpWrapsAtWords() {
        CommandLine herald = HeraldCommand.commandLine(new DataFolder(home));
        List<CommandLine> commands = new ArrayList<>(herald.getSubcommands().values());
        commands.add(herald);

        assertThat(commands).allSatisfy(command -> assertThat(command.getCommandSpec().usageMessage().description())
                .as(command.getCommandName()).allSatisfy(paragraph -> assertThat(paragraph).endsWith(".")));
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).as("no paragraph cut where a source line ended")
                .doesNotContain("is chosen\nin Settings").doesNotContain("the characters\n")
                .contains("analyse, analyze  Counts a message as Twilio does: its encoding,");
    }

    @Test
    void anUnknownOptionIsAnErrorWithTheUsage() {
        assertThat(run("--bogus")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown option: '--bogus'", "Usage: herald");
    }
}
