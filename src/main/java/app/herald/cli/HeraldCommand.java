package app.herald.cli;

import app.herald.Version;
import app.herald.contacts.ListNameException;
import app.herald.contacts.csv.ImportProblem;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.storage.StorageException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Herald's command line: the same data and engine as the window, for scripts and for trainers. */
@Command(
        name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.VersionProvider.class,
        subcommands = {ImportCommand.class, ListsCommand.class, ExportCommand.class, OptOutsCommand.class,
            AnalyseCommand.class, SimulatorCommand.class},
        description = {
            "Send one SMS to thousands of people through Twilio Notify.",
            "Without arguments Herald opens its window. It works in SIMULATION until Twilio",
            "credentials are set (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NOTIFY_SERVICE_SID).",
            "HERALD_HOME selects the data folder."
        })
public final class HeraldCommand implements Runnable {

    private final DataFolder dataFolder;

    @Spec
    private CommandSpec spec;

    HeraldCommand(DataFolder dataFolder) {
        this.dataFolder = dataFolder;
    }

    /** Runs the command line on this process's data folder and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(DataFolder.forThisProcess()).execute(args);
    }

    /** The command line on a data folder; its output can be redirected (tests). */
    public static CommandLine commandLine(DataFolder dataFolder) {
        CommandLine commandLine = new CommandLine(new HeraldCommand(dataFolder));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            if (e instanceof ImportProblem || e instanceof StorageException || e instanceof ListNameException
                    || e instanceof IllegalArgumentException || e instanceof CancellationException) {
                failed.getErr().println("herald: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    /** Opens the data folder for a sub-command; the caller closes it. */
    Storage openStorage() {
        return Storage.open(dataFolder);
    }

    @Override
    public void run() {
        // reached only with options but no sub-command: show what there is
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Herald " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
