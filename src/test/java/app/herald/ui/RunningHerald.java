package app.herald.ui;

import app.herald.HeraldApp;
import app.herald.settings.DataFolder;
import app.herald.settings.SecretStores;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real Herald on a data folder of a test's own, and the waits a person would make while using it. */
public final class RunningHerald implements AutoCloseable {

    private final FxRobot robot;
    private final Stage stage;
    private HeraldApp app;

    private RunningHerald(FxRobot robot, Stage stage, HeraldApp app) {
        this.robot = robot;
        this.stage = stage;
        this.app = app;
    }

    public static RunningHerald start(FxRobot robot, Path home) throws Exception {
        return start(robot, home, Map.of());
    }

    /**
     * @param environment added to the test's own data folder, and a secret store in that folder,
     *     so no test writes into the credential store of the computer it runs on
     */
    public static RunningHerald start(FxRobot robot, Path home, Map<String, String> environment) throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put(DataFolder.HOME_VARIABLE, home.toString());
        all.put(SecretStores.CHOICE_VARIABLE, "file");
        Stage stage = FxToolkit.registerPrimaryStage();
        HeraldApp app = (HeraldApp) FxToolkit.setupApplication(() -> new HeraldApp(all));
        return new RunningHerald(robot, stage, app);
    }

    public HeraldApp app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Waits until the data is open and the FX thread has finished what that set off (building the
     * first screen runs inside the same change): reading the window before would see half of it.
     */
    public RunningHerald waitUntilReady() throws TimeoutException {
        waitFor(() -> !robot.lookup("#navigation").query().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public boolean showing(String text) {
        return robot.lookup((Node node) -> node instanceof Label label && text.equals(label.getText()) && node.isVisible())
                .tryQuery().isPresent();
    }

    /** Waits a little for the text, as a person would, then says whether it came. */
    public boolean shows(String text) {
        try {
            waitFor(() -> showing(text));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * Waits for the condition, read on the FX thread: read from the test's thread it walked the
     * scene graph while the FX thread changed it (an IndexOutOfBoundsException in a CI run). When it
     * never comes, the windows are saved under target/ui-failures first.
     */
    public void waitFor(Callable<Boolean> condition) throws TimeoutException {
        waitFor(20, condition);
    }

    /** {@link #waitFor(Callable)} for at most {@code seconds}. */
    public void waitFor(long seconds, Callable<Boolean> condition) throws TimeoutException {
        if (Platform.isFxApplicationThread()) {
            // a wait inside a condition would hold the FX thread the condition needs: it would hang, not fail
            throw new IllegalStateException("waitFor is called from a condition on the FX thread: use showing, not shows");
        }
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            Screenshots.saveFailure(robot, "timeout-" + System.currentTimeMillis());
            throw e;
        }
    }

    /** Stops Herald as a closed window does: preferences saved, data closed. */
    public void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @Override
    public void close() throws TimeoutException {
        stop();
        FxToolkit.cleanupStages();
    }
}
