package app.herald.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.HeraldApp;
import app.herald.Version;
import app.herald.settings.DataFolder;
import app.herald.settings.UiPreferences;
import app.herald.storage.Storage;
import app.herald.ui.common.Theme;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, on a real data folder, driven as a person would. */
class MainWindowTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private HeraldApp app;
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void startHerald() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (HeraldApp) FxToolkit.setupApplication(() -> new HeraldApp(Map.of("HERALD_HOME", home.toString())));
    }

    @AfterEach
    void stopHerald() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    private void waitUntilReady() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#navigation").query().isDisabled());
    }

    private boolean showing(String text) {
        return robot.lookup((Node node) -> node instanceof Label label && text.equals(label.getText()) && node.isVisible())
                .tryQuery().isPresent();
    }

    /** Waits a little for the text, as a person would, then says whether it came. */
    private boolean shows(String text) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(text));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Test
    void visitsEverySection() throws Exception {
        startHerald();
        waitUntilReady();

        assertThat(shows("Your recipient lists will be here")).isTrue();

        robot.clickOn("#navCompose");
        assertThat(shows("Write one message for many people")).isTrue();
        assertThat(showing("Your recipient lists will be here")).isFalse();

        robot.clickOn("#navHistory");
        assertThat(shows("Every broadcast will be listed here")).isTrue();

        robot.clickOn("#navSettings");
        assertThat(shows("Your Twilio account and preferences")).isTrue();

        robot.clickOn("#navLists");
        assertThat(shows("Your recipient lists will be here")).isTrue();
        assertThat(robot.lookup("#navLists").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void keyboardShortcutsSwitchSections() throws Exception {
        startHerald();
        waitUntilReady();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shows("Every broadcast will be listed here")).isTrue();
        assertThat(robot.lookup("#navHistory").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void statusBarAndBannerSaySimulationAndWhereTheDataIs() throws Exception {
        startHerald();
        waitUntilReady();

        assertThat(robot.lookup("#simulationBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#modeLabel").queryAs(Label.class).getText()).startsWith("SIMULATION");
        assertThat(robot.lookup("#dataFolderLabel").queryAs(Label.class).getText()).contains(home.toString());
        assertThat(robot.lookup("#storageLabel").queryAs(Label.class).getText()).isEqualTo("Ready");
        assertThat(robot.listWindows()).anySatisfy(window ->
                assertThat(((Stage) window).getTitle()).isEqualTo("Herald \u2014 SIMULATION"));
    }

    @Test
    void aSecondHeraldOnTheSameDataSaysSoInsteadOfCrashing() throws Exception {
        try (Storage first = Storage.open(new DataFolder(home))) {
            startHerald();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#problemPane").query().isVisible());

            assertThat(shows("Herald cannot open your data")).isTrue();
            assertThat(robot.lookup("#problemText").queryAs(Label.class).getText()).startsWith("Herald is already open");
            assertThat(robot.lookup("#navigation").query().isDisabled()).isTrue();

            robot.clickOn("#problemQuitButton");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !stage.isShowing());
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        assertThat(new DataFolder(home).uiPreferences()).as("the turned-away Herald wrote nothing").doesNotExist();
    }

    @Test
    void aboutShowsTheVersion() throws Exception {
        startHerald();
        waitUntilReady();

        robot.clickOn("Help").clickOn("About Herald");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());

        DialogPane about = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("Herald " + Version.current());
        assertThat(about.getContentText()).contains("SIMULATION", home.toString());
        robot.clickOn("OK");
    }

    @Test
    void theDarkThemeIsAShortcutAwayAndRemembered() throws Exception {
        startHerald();
        waitUntilReady();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        FxToolkit.cleanupApplication(app);
        app = null;
        assertThat(UiPreferences.load(new DataFolder(home).uiPreferences()).darkTheme()).isTrue();
        robot.interact(() -> Theme.apply(false));
    }

    @Test
    void theWindowSizeIsRememberedOnExit() throws Exception {
        startHerald();
        waitUntilReady();
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(640);
        });

        FxToolkit.cleanupApplication(app);
        app = null;

        UiPreferences saved = UiPreferences.load(new DataFolder(home).uiPreferences());
        assertThat(saved.windowPlacement().width()).isEqualTo(900);
        assertThat(saved.windowPlacement().height()).isEqualTo(640);
    }
}
