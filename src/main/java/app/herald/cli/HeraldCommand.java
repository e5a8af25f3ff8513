package app.herald.cli;

import app.herald.Version;
import app.herald.contacts.Country;
import app.herald.broadcast.BroadcastBusyException;
import app.herald.contacts.ListNameException;
import app.herald.contacts.csv.ImportProblem;
import app.herald.core.HeraldCore;
import app.herald.files.FileProblem;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.storage.LeaseLostException;
import app.herald.storage.StorageException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Herald's command line: the same data and engine as the window, for scripts and for trainers. */
@Command(
        name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.VersionProvider.class,
        subcommands = {ImportCommand.class, ListsCommand.class, ContactsCommand.class, ExportCommand.class, OptOutsCommand.class,
            AnalyseCommand.class, SimulatorCommand.class, SendCommand.class, ResumeCommand.class, HistoryCommand.class,
            RecipientsCommand.class, SyncCommand.class, CancelCommand.class, BackupCommand.class, RestoreCommand.class,
            DatabaseCommand.class},
        description = {
            "Send one SMS to thousands of people through a Twilio Messaging Service (or Notify).",
            "Without arguments Herald opens its window. It works in SIMULATION until LIVE is chosen in Settings,"
                + " or Twilio credentials are set (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, and"
                + " TWILIO_MESSAGING_SERVICE_SID or TWILIO_NOTIFY_SERVICE_SID).",
            "HERALD_HOME selects the data folder."
        })
public final class HeraldCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldCommand.class);

    private final LocalSettings settings;

    @Spec
    private CommandSpec spec;

    HeraldCommand(LocalSettings settings) {
        this.settings = settings;
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
        CommandLine commandLine = new CommandLine(new HeraldCommand(LocalSettings.load(dataFolder, environment)));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("herald: " + inWords(e, dataFolder));
            return 1;
        });
        return commandLine;
    }

    /**
     * One or two lines a person can act on, never a stack trace: Herald's own problems say
     * themselves; anything else says what it was and where the details are (the log has the trace).
     */
    private static String inWords(Exception e, DataFolder dataFolder) {
        if (e instanceof StorageException refused && refused.backupCanHelp()) {
            return e.getMessage() + " herald restore --list shows the backups; herald restore puts the newest in its place.";
        }
        if (e instanceof ImportProblem || e instanceof StorageException || e instanceof ListNameException
                || e instanceof FileProblem || e instanceof IllegalArgumentException || e instanceof CancellationException
                || e instanceof BroadcastBusyException || e instanceof LeaseLostException) {
            return e.getMessage();
        }
        Optional<String> place = StorageException.placeWords(e);
        if (place.isPresent()) {
            LOG.warn("The data's place failed: {}", place.get(), e);
            return place.get();
        }
        LOG.error("A command failed", e);
        return "Herald could not finish: " + e + ". The details are in " + dataFolder.logs().resolve("herald.log") + ".";
    }

    /** This computer's settings, as the commands read them. */
    LocalSettings settings() {
        return settings;
    }

    /** The data folder this command line works on. */
    DataFolder dataFolder() {
        return settings.dataFolder();
    }

    /** Herald's core on the data folder, as the window builds it; the caller closes it. */
    HeraldCore openCore() {
        settings.warnings().forEach(warning -> spec.commandLine().getErr().println("herald: " + warning));
        return HeraldCore.open(settings);
    }

    /**
     * The country for numbers written without a country code: the one given with --country, else
     * the one chosen in Settings, else this computer's. Never guessed beyond that: a national
     * number read as the wrong country is a stranger.
     */
    String country(String option) {
        if (option != null) {
            return option;
        }
        return settings.defaultCountry().map(Country::code).orElseThrow(() -> new ImportProblem(
                "Say which country numbers without a country code are from, e.g. --country US."));
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
