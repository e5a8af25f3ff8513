package app.herald.ui;

import app.herald.twilio.simulator.TwilioSimulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the real window shares: a data folder of its own, a robot, and Herald stopped after. */
public abstract class HeraldWindowTest {

    @TempDir
    protected Path home;

    protected final FxRobot robot = new FxRobot();
    protected RunningHerald herald;
    /** A simulator the test started ({@link #startSimulator()}), stopped after Herald. */
    protected TwilioSimulator simulator;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Starts Herald on {@link #home}; it may still be opening its data. */
    protected RunningHerald startHerald() throws Exception {
        return startHerald(Map.of());
    }

    /** @param environment more of Herald's environment, such as HERALD_TWILIO_BASE_URL */
    protected RunningHerald startHerald(Map<String, String> environment) throws Exception {
        herald = RunningHerald.start(robot, home, environment);
        return herald;
    }

    /** A Twilio simulator of the test's own, to look at what Herald sent. */
    protected TwilioSimulator startSimulator() throws Exception {
        simulator = TwilioSimulator.start(0, null);
        return simulator;
    }

    /** Starts Herald LIVE through {@link #simulator}'s Messaging Service, as an office set up with Twilio runs it. */
    protected RunningHerald startHeraldOnTheSimulator() throws Exception {
        return startHerald(Map.of("TWILIO_ACCOUNT_SID", TwilioSimulator.ACCOUNT_SID, "TWILIO_AUTH_TOKEN", TwilioSimulator.AUTH_TOKEN,
                "TWILIO_MESSAGING_SERVICE_SID", TwilioSimulator.MESSAGING_SERVICE_SID,
                "HERALD_TWILIO_BASE_URL", simulator.baseUrl().toString()));
    }

    /** Presses a shortcut as a person would: Ctrl (Cmd on a Mac) and the key. */
    protected void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Whether a node with this id is on screen (looked up in every window), looked up on the FX
     * thread: from the test's thread a lookup while a screen changes its children can fail.
     */
    protected boolean visible(String id) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not look " + id + " up", e.getCause());
        }
    }

    /** Opens Compose and ticks the first list, as a person starts a message. */
    protected void composeForTheFirstList() throws Exception {
        shortcut(KeyCode.DIGIT2);
        herald.waitFor(() -> robot.lookup("#messageArea").tryQuery().isPresent());
        robot.clickOn((Node node) -> node instanceof CheckBox box && box.isVisible()
                && box.getParent() != null && box.getParent().toString().contains("CheckBoxListCell"));
    }

    /** Writes the message to the first list and presses Send…; the send dialog then asks to confirm. */
    protected void sendToTheFirstList(String message) throws Exception {
        composeForTheFirstList();
        robot.clickOn("#messageArea").write(message);
        herald.waitFor(() -> !robot.lookup("#sendButton").query().isDisabled());
        robot.clickOn("#sendButton");
        herald.waitFor(() -> visible("#confirmPane"));
    }

    /** Clicks the button of the confirmation that goes ahead, named for what it does. */
    protected void confirm(String action) throws Exception {
        herald.waitFor(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(robot.from(robot.lookup("#confirmDialog").queryAs(DialogPane.class))
                .lookup((Node node) -> node instanceof Button button && action.equals(button.getText())).queryButton());
    }

    @AfterEach
    void stopHerald() throws Exception {
        if (herald != null) {
            herald.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
