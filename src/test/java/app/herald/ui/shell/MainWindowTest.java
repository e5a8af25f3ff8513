package app.herald.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.Version;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.settings.UiPreferences;
import app.herald.storage.Backups;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import app.herald.ui.common.Theme;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, on a real data folder, driven as a person would. */
class MainWindowTest extends HeraldWindowTest {

    private void waitUntilReady() throws Exception {
        herald.waitUntilReady();
    }

    private boolean showing(String text) {
        return herald.showing(text);
    }

    private boolean shows(String text) {
        return herald.shows(text);
    }

    @Test
    void visitsEverySection() throws Exception {
        startHerald();
        waitUntilReady();

        assertThat(shows("No lists yet")).isTrue();

        robot.clickOn("#navCompose");
        assertThat(shows("Send to")).isTrue();
        assertThat(showing("No lists yet")).isFalse();

        robot.clickOn("#navHistory");
        assertThat(shows("Nothing has been sent yet.")).isTrue();

        robot.clickOn("#navSettings");
        assertThat(shows("Twilio account")).isTrue();

        robot.clickOn("#navLists");
        assertThat(shows("No lists yet")).isTrue();
        assertThat(robot.lookup("#navLists").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void keyboardShortcutsSwitchSections() throws Exception {
        startHerald();
        waitUntilReady();

        shortcut(KeyCode.DIGIT3);

        assertThat(shows("Nothing has been sent yet.")).isTrue();
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
        try (Storage first = TestStorage.open(home)) {
            startHerald();
            herald.waitFor(() -> robot.lookup("#problemPane").query().isVisible());

            assertThat(shows("Herald cannot open your data")).isTrue();
            assertThat(robot.lookup("#problemText").queryAs(Label.class).getText()).startsWith("Herald is already open");
            assertThat(robot.lookup("#navigation").query().isDisabled()).isTrue();

            robot.clickOn("#problemQuitButton");
            herald.waitFor(5, () -> !herald.stage().isShowing());
            herald.stop();
        }
        assertThat(new DataFolder(home).uiPreferences()).as("the turned-away Herald wrote nothing").doesNotExist();
    }

    @Test
    void damagedDataOffersTheNewestBackupAndOpensItOnceRestored() throws Exception {
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 40);
            Backups.of(new DataFolder(home).database()).now(storage.jdbi());
        }
        Files.write(home.resolve("herald.mv.db"), new byte[8192]);

        startHerald();
        herald.waitFor(() -> robot.lookup("#restoreButton").query().isVisible());
        assertThat(robot.lookup("#problemText").queryAs(Label.class).getText()).contains("is damaged");
        assertThat(robot.lookup("#restoreButton").queryButton().getText()).startsWith("Restore the backup of");
        Screenshots.save(robot, herald.stage().getScene(), "data-damaged");

        robot.clickOn("#restoreButton");
        waitUntilReady();

        assertThat(shows("Parents")).isTrue();
        try (var aside = Files.list(home)) {
            assertThat(aside.map(path -> path.getFileName().toString())).as("the damaged file is kept")
                    .anyMatch(name -> name.startsWith("herald.mv.db.replaced-"));
        }
    }

    @Test
    void aSecretOthersCouldReadIsTightenedAndTheWindowSaysSo() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path secrets = Files.writeString(home.resolve("secrets.properties"), "twilio.secret=not-really\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));

        startHerald();
        herald.waitFor(() -> robot.lookup("#warningDialog").tryQuery().isPresent());

        assertThat(robot.lookup("#warningDialog").queryAs(DialogPane.class).getContentText())
                .contains("could be read by other people").contains("make a new secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        Screenshots.save(robot, robot.lookup("#warningDialog").query().getScene(), "secret-tightened");
        robot.clickOn("OK");
        waitUntilReady();
    }

    @Test
    void aboutShowsTheVersion() throws Exception {
        startHerald();
        waitUntilReady();

        robot.clickOn("Help").clickOn("About Herald");
        herald.waitFor(5, () -> robot.lookup("#aboutDialog").tryQuery().isPresent());

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
        herald.stop();
        assertThat(UiPreferences.load(new DataFolder(home).uiPreferences()).darkTheme()).isTrue();
        robot.interact(() -> Theme.apply(false));
    }

    @Test
    void theWindowSizeIsRememberedOnExit() throws Exception {
        startHerald();
        waitUntilReady();
        robot.interact(() -> {
            herald.stage().setWidth(900);
            herald.stage().setHeight(640);
        });

        herald.stop();

        UiPreferences saved = UiPreferences.load(new DataFolder(home).uiPreferences());
        assertThat(saved.windowPlacement().width()).isEqualTo(900);
        assertThat(saved.windowPlacement().height()).isEqualTo(640);
    }
}
