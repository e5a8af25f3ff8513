package app.herald.cli;

import app.herald.settings.DataFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs herald commands on one data folder as a person types them, and keeps what the last one printed. */
final class CommandLineRun {

    private final DataFolder dataFolder;
    private final Map<String, String> environment;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CommandLineRun(Path dataFolder) {
        this(dataFolder, System.getenv());
    }

    /** @param environment what the commands see instead of this process's environment (TWILIO_*, HERALD_TWILIO_BASE_URL) */
    CommandLineRun(Path dataFolder, Map<String, String> environment) {
        this.dataFolder = new DataFolder(dataFolder);
        this.environment = Map.copyOf(environment);
    }

    /** @return the exit code */
    int herald(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = HeraldCommand.commandLine(dataFolder, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last command wrote to standard output. */
    String out() {
        return out.toString();
    }

    /** What the last command wrote to standard error. */
    String err() {
        return err.toString();
    }
}
