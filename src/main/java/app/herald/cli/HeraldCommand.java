package app.herald.cli;

import app.herald.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Herald's command line: the same data and engine as the window, for scripts and for trainers. */
@Command(
        name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.VersionProvider.class,
        description = {
            "Send one SMS to thousands of people through Twilio Notify.",
            "Without arguments Herald opens its window. It works in SIMULATION until Twilio",
            "credentials are set (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NOTIFY_SERVICE_SID).",
            "HERALD_HOME selects the data folder."
        })
public final class HeraldCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with picocli's defaults, for callers that redirect its output (tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new HeraldCommand());
    }

    @Override
    public void run() {
        // reached only with no sub-command: show what there is
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().usage(out);
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
