package app.herald;

import app.herald.cli.HeraldCommand;
import app.herald.settings.DataFolder;
import app.herald.settings.OwnerOnly;
import app.herald.ui.shell.SelfTest;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * Herald's entry point. A plain class, not an {@link Application}, so a class-path or jpackage
 * launch finds JavaFX. No arguments open the window; {@code --self-test} opens it and closes it
 * again once it works; any other argument runs the command line.
 */
public final class Launcher {

    /** Read by logback.xml: the log file lives in the data folder. */
    static final String LOG_FOLDER_PROPERTY = "herald.logs";

    private Launcher() {
    }

    public static void main(String[] args) {
        DataFolder dataFolder = DataFolder.forThisProcess();
        Path logs = dataFolder.logs();
        try {
            // before Logback makes its folder in it, which it would make readable by everyone
            OwnerOnly.createIfMissing(dataFolder.path());
        } catch (IOException e) {
            // opening the data says why it cannot be used; the log goes where it can meanwhile
            logs = Path.of(System.getProperty("java.io.tmpdir"), "herald-logs");
        }
        // before the first logger is made, which is when Logback reads its configuration
        System.setProperty(LOG_FOLDER_PROPERTY, logs.toString());
        if (args.length == 0) {
            Application.launch(HeraldApp.class);
        } else if (args.length == 1 && HeraldApp.SELF_TEST.equals(args[0])) {
            SelfTest.Verdict verdict = HeraldApp.selfTest();
            (verdict.passed() ? System.out : System.err).println(verdict.text());
            System.exit(verdict.code());
        } else {
            System.exit(HeraldCommand.execute(args));
        }
    }
}
