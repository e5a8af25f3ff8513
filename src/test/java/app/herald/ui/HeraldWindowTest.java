package app.herald.ui;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What every test of the real window shares: a data folder of its own, a robot, and Herald stopped after. */
public abstract class HeraldWindowTest {

    @TempDir
    protected Path home;

    protected final FxRobot robot = new FxRobot();
    protected RunningHerald herald;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Starts Herald on {@link #home}; it may still be opening its data. */
    protected RunningHerald startHerald() throws Exception {
        herald = RunningHerald.start(robot, home);
        return herald;
    }

    @AfterEach
    void stopHerald() throws Exception {
        if (herald != null) {
            herald.close();
        }
    }
}
