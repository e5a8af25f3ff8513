package app.herald.ui.shell;

import app.herald.ui.shell.MainWindowViewModel.StorageState;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * {@code Herald --self-test}: proves that a packaged Herald starts, opens the database in its data
 * folder and shows its main window, then exits 0; any other outcome exits non-zero with the reason.
 * Installers and CI run it, so a packaging break (a module missing from the trimmed runtime, a
 * native library that does not load) fails before anyone double-clicks. The launcher prints the
 * verdict: only the command line writes to standard output.
 */
public final class SelfTest {

    public static final String OPTION = "--self-test";

    public static final int PASSED = 0;
    public static final int FAILED = 2;
    public static final int TIMED_OUT = 3;

    /** A cold start of the packaged app on a slow CI machine takes a few seconds; this is far beyond. */
    private static final Duration LIMIT = Duration.seconds(120);

    private static final AtomicReference<Verdict> VERDICT =
            new AtomicReference<>(new Verdict(FAILED, "Herald self-test FAILED: it never got to an outcome"));

    /** The exit code, and the line that says why. */
    public record Verdict(int code, String text) {

        public boolean passed() {
            return code == PASSED;
        }
    }

    private SelfTest() {
    }

    /** Watches a starting Herald and closes it once the outcome is known. Call on the FX thread after the window is shown. */
    public static void watch(Stage stage, MainWindowViewModel viewModel) {
        PauseTransition limit = new PauseTransition(LIMIT);
        limit.setOnFinished(event -> end(TIMED_OUT, "the data folder did not open within " + LIMIT.toSeconds() + " s"));
        limit.play();
        viewModel.storageStateProperty().addListener((observable, previous, state) -> {
            if (state == StorageState.FAILED) {
                end(FAILED, "the data could not be opened: " + viewModel.storageProblemProperty().get());
            } else if (state == StorageState.READY) {
                // after the screen that READY builds has been laid out
                Platform.runLater(() -> end(stage.isShowing() ? PASSED : FAILED, stage.isShowing()
                        ? "data folder " + viewModel.dataFolder().path() + " opened, main window shown"
                        : "the main window is not showing"));
            }
        });
    }

    private static void end(int code, String reason) {
        VERDICT.set(new Verdict(code, "Herald self-test " + (code == PASSED ? "passed" : "FAILED") + ": " + reason + " (Java "
                + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version") + ")"));
        Platform.exit();
    }

    /** The verdict once the window has closed; FAILED when the test never got to an outcome. */
    public static Verdict verdict() {
        return VERDICT.get();
    }
}
