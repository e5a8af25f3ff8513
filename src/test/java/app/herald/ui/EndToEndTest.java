package app.herald.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.settings.Mode;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user does first, in the real window: import a sample export, write a message, send
 * it in SIMULATION, and find the broadcast's SID in History and in the journal.
 */
class EndToEndTest extends HeraldWindowTest {


    @Test
    void importComposeSendAndFindTheSidInHistory() throws Exception {
        Files.writeString(home.resolve("ui.properties"), "import.country=DE\n");
        Path export = home.resolve("Kunden.csv");
        Files.copy(Path.of(getClass().getResource("/samples/excel-de-semicolon-bom.csv").toURI()), export);
        startHerald().waitUntilReady();

        robot.interact(() -> herald.app().importFile(export));
        herald.waitFor(() -> visible("#setupPane"));
        robot.clickOn("#startImportButton");
        herald.waitFor(() -> visible("#reportPane"));
        assertThat(robot.lookup("#doneLabel").queryAs(Label.class).getText()).startsWith("Imported 150 contacts into \u201cKunden\u201d");
        robot.clickOn("#cancelButton");
        herald.waitFor(() -> robot.listWindows().size() == 1);

        sendToTheFirstList("Praxis heute ab 12 Uhr geschlossen");
        assertThat(robot.lookup("#recipientsLabel").queryAs(Label.class).getText()).startsWith("150 recipients");
        assertThat(robot.lookup("#modeLabel").queryAs(Label.class).getText()).startsWith("SIMULATION");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-confirm");
        robot.clickOn(robot.from(robot.window("Send").getScene().getRoot()).lookup("#sendButton").<Node>query());

        herald.waitFor(() -> robot.lookup("#outcomeLabel").queryAs(Label.class).getText().startsWith("Every batch"));
        @SuppressWarnings("unchecked")
        ListView<String> events = robot.lookup("#eventList").queryAs(ListView.class);
        List<String> sids = events.getItems().stream().filter(event -> event.contains("accepted: NT"))
                .map(event -> event.substring(event.indexOf("NT"))).toList();
        assertThat(sids).hasSize(1);
        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(bar.getHeight()).as("the bar is on screen, not squeezed to nothing").isGreaterThan(4);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-done");
        robot.clickOn("#closeButton");

        shortcut(KeyCode.DIGIT3);
        herald.waitFor(() -> robot.lookup("#batchTable").tryQuery().isPresent()
                && robot.lookup("#batchTable").queryTableView().getItems().size() == 1);
        assertThat(robot.lookup("#batchTable").queryTableView().getItems()).extracting(batch -> ((Batch) batch).sid())
                .containsExactlyElementsOf(sids);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "history");
        herald.stop();

        try (Storage storage = TestStorage.open(home)) {
            BroadcastSummary sent = new Broadcasts(storage.jdbi()).all().get(0);
            assertThat(sent.mode()).isEqualTo(Mode.SIMULATION);
            assertThat(sent.recipients()).isEqualTo(150);
            assertThat(sent.lists()).isEqualTo("Kunden");
            assertThat(sent.batches()).singleElement().satisfies(batch -> {
                assertThat(batch.state()).isEqualTo(SendState.ACCEPTED);
                assertThat(batch.sid()).isEqualTo(sids.get(0));
            });
        }
    }
}
