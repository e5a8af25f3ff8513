package app.herald.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.BroadcastSummary;
import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Send at a time in the real window, with the quiet hours of Settings: picked in the confirmation,
 * shown in History, taken back from there.
 */
class ScheduledSendTest extends HeraldWindowTest {

    @Test
    void aTimePickedInTheConfirmationIsScheduledAtTwilioShownInHistoryAndTakenBack() throws Exception {
        startSimulator();
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 40);
        }
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\nquiet.hours=08:00-21:00\n");
        startHeraldOnTheSimulator().waitUntilReady();

        sendToTheFirstList("The school fair opens at nine");
        Node dialog = robot.window("Send").getScene().getRoot();
        robot.clickOn(robot.from(dialog).lookup("#laterRadio").<Node>query());
        ZoneId sanFrancisco = ZoneId.of("America/Los_Angeles");
        LocalDate tomorrow = LocalDate.now(sanFrancisco).plusDays(1);
        robot.interact(() -> robot.from(dialog).lookup("#laterDate").queryAs(DatePicker.class).setValue(tomorrow));
        ComboBox<String> zone = robot.from(dialog).lookup("#laterZone").queryComboBox();
        robot.interact(() -> zone.setValue(sanFrancisco.getId()));
        TextField time = robot.from(dialog).lookup("#laterTime").queryAs(TextField.class);
        robot.interact(time::clear);
        robot.clickOn(time).write("7:5");
        herald.waitFor(() -> label(dialog, "#scheduleLabel").startsWith("Type the time of day"));
        assertThat(robot.from(dialog).lookup("#sendButton").queryButton().isDisabled()).as("no send at a time it cannot read").isTrue();
        robot.write("0");
        herald.waitFor(() -> label(dialog, "#scheduleLabel").startsWith("Goes at"));
        assertThat(label(dialog, "#scheduleLabel")).contains("07:50 (America/Los_Angeles)").contains("Twilio holds each message");
        // the numbers are San Francisco's: ten to eight there is before the quiet hours of Settings end
        herald.waitFor(() -> label(dialog, "#quietLabel").contains("0 go at the time chosen, 40 wait for their morning"));
        assertThat(label(dialog, "#quietLabel")).contains("08:00 (America/Los_Angeles)");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-at");
        robot.clickOn(robot.from(dialog).lookup("#liveCheck").<Node>query());
        robot.clickOn(robot.from(dialog).lookup("#sendButton").<Node>query());
        herald.waitFor(() -> label(dialog, "#outcomeLabel").startsWith("Goes at"));
        robot.clickOn("#closeButton");

        Instant eight = tomorrow.atTime(LocalTime.of(8, 0)).atZone(sanFrancisco).toInstant();
        assertThat(simulator.messages()).hasSize(40).allSatisfy(message -> {
            assertThat(message.status()).isEqualTo("scheduled");
            assertThat(message.sendAt()).isEqualTo(eight);
        });

        shortcut(KeyCode.DIGIT3);
        herald.waitFor(() -> visible("#takeBackButton"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scheduleLabel").queryAs(Label.class).getText()).startsWith("Goes at");
        assertThat(broadcasts().getColumns().get(3).getCellData(0)).isEqualTo("SCHEDULED");
        Screenshots.save(robot, herald.stage().getScene(), "history-scheduled");

        // the nodes are looked up once: looking the scene up from this thread while History refreshes it can fail
        Button takeBack = robot.lookup("#takeBackButton").queryButton();
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        robot.clickOn(takeBack);
        confirm("Take back");
        herald.waitFor(() -> notice.getText().contains("40 messages cancelled"));
        assertThat(simulator.messages()).extracting(TwilioSimulator.Message::status).containsOnly("canceled");
        herald.waitFor(() -> !takeBack.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(broadcasts().getColumns().get(3).getCellData(0)).isEqualTo("CANCELLED");
    }

    private String label(Node dialog, String id) {
        return robot.from(dialog).lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<BroadcastSummary> broadcasts() {
        return robot.lookup("#broadcastTable").queryAs(TableView.class);
    }
}
