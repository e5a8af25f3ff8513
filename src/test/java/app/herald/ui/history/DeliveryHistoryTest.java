package app.herald.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.RecipientFilter;
import app.herald.broadcast.RecipientOutcome;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What staff see the day after a send, in the real window against a simulator whose messages end
 * at once: the funnel, a failed recipient's reason in words, the replies, and "send again to those
 * who did not get it" leading to the confirmation with exactly those recipients.
 */
class DeliveryHistoryTest extends HeraldWindowTest {

    @Test
    void theFunnelTheReasonsTheRepliesAndSendingAgainToThoseWhoDidNotGetIt() throws Exception {
        startSimulator();
        simulator.setDeliveryTimes(Duration.ZERO, Duration.ZERO);
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 100);
        }
        Files.writeString(home.resolve("ui.properties"), "pace.perSecond=0\npace.senders=4\n");
        startHeraldOnTheSimulator().waitUntilReady();

        sendToTheFirstList("Sports day moves to Friday");
        sendLive();
        herald.waitFor(() -> robot.lookup("#outcomeLabel").queryAs(Label.class).getText().startsWith("Every message"));
        robot.clickOn("#closeButton");
        // the replies come a second or two after the messages end
        Thread.sleep(2_500);

        shortcut(KeyCode.DIGIT3);
        herald.waitFor(() -> robot.lookup("#funnelDelivered").tryQuery().isPresent());
        robot.press(KeyCode.F5).release(KeyCode.F5);
        herald.waitFor(() -> text("#funnelDelivered").equals("95 delivered"));
        // the funnel's labels are set one after another on the FX thread: read them once it is done
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#funnelAccepted")).isEqualTo("100 accepted");
        assertThat(text("#funnelSent")).isEqualTo("99 sent");
        assertThat(text("#funnelUndelivered")).isEqualTo("4 undelivered");
        assertThat(text("#funnelFailed")).isEqualTo("1 failed");
        assertThat(text("#funnelWaiting")).isEqualTo("0 no answer yet");
        assertThat(text("#funnelChecked")).startsWith("From Twilio's log, read").endsWith("every message has ended.");
        assertThat(robot.lookup("#logCheckLabel").queryAs(Label.class).getText()).startsWith("Statuses and replies checked at");

        robot.interact(() -> comboBox().getSelectionModel().select(RecipientFilter.NOT_REACHED));
        herald.waitFor(() -> recipients().getItems().size() == 5);
        RecipientOutcome landline = recipients().getItems().stream().filter(recipient -> recipient.e164().equals("+14152000006"))
                .findFirst().orElseThrow();
        assertThat(landline.status()).isEqualTo("undelivered");
        assertThat(landline.errorMessage()).isEqualTo("A landline, or a carrier that cannot take SMS. Error 30006.");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "history-delivery");

        TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().get(2).getText()).isEqualTo("Replies (6)");
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "history-replies");
        robot.interact(() -> tabs.getSelectionModel().select(0));

        assertThat(robot.lookup("#sendToNotReachedButton").queryButton().getText())
                .isEqualTo("Send again to the 5 who did not get it\u2026");
        robot.clickOn("#sendToNotReachedButton");
        herald.waitFor(() -> visible("#confirmPane"));
        assertThat(robot.lookup("#recipientsLabel").queryAs(Label.class).getText()).startsWith("5 recipients");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-again-not-reached");
        sendLive();
        herald.waitFor(() -> robot.lookup("#outcomeLabel").queryAs(Label.class).getText().startsWith("Every message"));
        robot.clickOn("#closeButton");

        List<String> again = simulator.messages().stream().filter(message -> message.body().equals("Sports day moves to Friday"))
                .map(TwilioSimulator.Message::to).skip(100).sorted().toList();
        assertThat(again).as("exactly those who did not get it, once each")
                .containsExactly("+14152000003", "+14152000005", "+14152000006", "+14152000007", "+14152000008");
        herald.stop();
        try (Storage storage = TestStorage.open(home)) {
            assertThat(new RecipientLists(storage.jdbi()).find("Not reached by broadcast 1")).as("their list, to look at later")
                    .hasValueSatisfying(list -> assertThat(list.contacts()).isEqualTo(5));
        }
    }

    /** LIVE (to this test's simulator): the box that says real messages go, then Send. */
    private void sendLive() {
        Node dialog = robot.window("Send").getScene().getRoot();
        robot.clickOn(robot.from(dialog).lookup("#liveCheck").<Node>query());
        robot.clickOn(robot.from(dialog).lookup("#sendButton").<Node>query());
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<RecipientOutcome> recipients() {
        return robot.lookup("#recipientTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<RecipientFilter> comboBox() {
        return robot.lookup("#statusFilterBox").queryAs(ComboBox.class);
    }
}
