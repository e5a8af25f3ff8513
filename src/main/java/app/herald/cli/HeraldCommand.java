package app.herald.cli;

import app.herald.Version;
import app.herald.broadcast.Journal;
import app.herald.contacts.ListNameException;
import app.herald.contacts.csv.ImportProblem;
import app.herald.message.Price;
import app.herald.settings.DataFolder;
import app.herald.settings.TwilioSettingsStore;
import app.herald.settings.UiPreferences;
import app.herald.storage.Storage;
import app.herald.storage.StorageException;
import app.herald.twilio.TwilioConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
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
            AnalyseCommand.class, SimulatorCommand.class, SendCommand.class, ResumeCommand.class, HistoryCommand.class},
        description = {
            "Send one SMS to thousands of people through Twilio Notify.",
            "Without arguments Herald opens its window. It works in SIMULATION until LIVE is chosen",
            "in Settings, or Twilio credentials are set (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,",
            "TWILIO_NOTIFY_SERVICE_SID).",
            "HERALD_HOME selects the data folder."
        })
public final class HeraldCommand implements Runnable {

    private final DataFolder dataFolder;
    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    HeraldCommand(DataFolder dataFolder, Map<String, String> environment) {
        this.dataFolder = dataFolder;
        this.environment = Map.copyOf(environment);
    }

    /** Runs the command line on this process's data folder and returns the exit code. */
    public static int execute(String... args) {
        return commandLine(DataFolder.forThisProcess()).execute(args);
    }

    /** The command line on a data folder and this process's environment; its output can be redirected (tests). */
    public static CommandLine commandLine(DataFolder dataFolder) {
        return commandLine(dataFolder, System.getenv());
    }

    /** @param environment where the Twilio credentials and HERALD_TWILIO_BASE_URL are read */
    public static CommandLine commandLine(DataFolder dataFolder, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new HeraldCommand(dataFolder, environment));
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

    /**
     * Opens the data folder for a sub-command; the caller closes it. A batch a dead Herald left
     * IN_FLIGHT may have been sent: it is marked UNCERTAIN before anything else happens.
     */
    Storage openStorage() {
        Storage storage = Storage.open(dataFolder);
        new Journal(storage.jdbi()).recoverInterrupted();
        return storage;
    }

    /** The price per segment set in Settings, for cost estimates. */
    Price price() {
        return UiPreferences.load(dataFolder.uiPreferences()).price();
    }

    /** Twilio as Settings or the environment chose it, else the simulator; the caller closes it. */
    TwilioConnection connectTwilio() {
        try {
            return TwilioConnection.open(TwilioSettingsStore.open(dataFolder, environment).choice(environment), environment);
        } catch (IOException e) {
            throw new UncheckedIOException("Herald could not read its Twilio settings", e);
        }
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
