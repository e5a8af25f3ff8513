package app.herald.ui.send;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BatchState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.storage.Storage;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** From the composer to a SIMULATION send in the real window, to the SIDs in History and in the journal. */
class SendDialogTest extends HeraldWindowTest {

    @Test
    void composeSendAndSeeEachBatchSid() throws Exception {
        try (Storage storage = Storage.open(new DataFolder(home))) {
            TestContacts.list(storage.jdbi(), "Parents", 12_000);
        }
        startHerald().waitUntilReady();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        herald.waitFor(() -> robot.lookup("#messageArea").tryQuery().isPresent());
        robot.clickOn((Node node) -> node instanceof CheckBox box && box.isVisible()
                && box.getParent() != null && box.getParent().toString().contains("CheckBoxListCell"));
        robot.clickOn("#messageArea").write("School closes at noon");
        herald.waitFor(() -> !robot.lookup("#sendButton").query().isDisabled());

        robot.clickOn("#sendButton");
        herald.waitFor(() -> robot.lookup("#confirmPane").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#recipientsLabel").queryAs(Label.class).getText()).startsWith("12,000 recipients");
        assertThat(robot.lookup("#modeLabel").queryAs(Label.class).getText()).startsWith("SIMULATION");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-confirm");
        robot.clickOn(robot.from(robot.window("Send").getScene().getRoot()).lookup("#sendButton").<Node>query());

        herald.waitFor(() -> robot.lookup("#outcomeLabel").queryAs(Label.class).getText().startsWith("Every batch"));
        @SuppressWarnings("unchecked")
        ListView<String> events = robot.lookup("#eventList").queryAs(ListView.class);
        assertThat(events.getItems()).filteredOn(event -> event.contains("accepted: NT")).hasSize(2);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-done");
        robot.clickOn("#closeButton");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        herald.waitFor(() -> robot.lookup("#batchTable").tryQuery().isPresent()
                && robot.lookup("#batchTable").queryTableView().getItems().size() == 2);
        assertThat(robot.lookup("#batchTable").queryTableView().getItems())
                .allSatisfy(batch -> assertThat(((Batch) batch).sid()).startsWith("NT"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "history");
        herald.stop();

        try (Storage storage = Storage.open(new DataFolder(home))) {
            BroadcastSummary sent = new Broadcasts(storage.jdbi()).all().get(0);
            assertThat(sent.mode()).isEqualTo("SIMULATION");
            assertThat(sent.batches()).allSatisfy(batch -> {
                assertThat(batch.state()).isEqualTo(BatchState.ACCEPTED);
                assertThat(batch.sid()).startsWith("NT");
            });
        }
    }
}
