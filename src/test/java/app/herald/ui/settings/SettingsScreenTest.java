package app.herald.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.twilio.simulator.TwilioSimulator;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Setting Twilio up in the real window, against a simulator standing in for Twilio: test the
 * connection, switch to LIVE (asked once more), and send a test to one's own number.
 */
class SettingsScreenTest extends HeraldWindowTest {

    /** Unlike the simulator's default token, a word found nowhere else in the data folder. */
    private static final String TOKEN = "tok3e8d1f6a5b";

    private TwilioSimulator twilio;

    @BeforeEach
    void startTwilioAndHerald() throws Exception {
        twilio = TwilioSimulator.start(0, null, TOKEN);
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "Parents", 3);
        }
        Files.writeString(home.resolve("ui.properties"), "import.country=US\n");
        startHerald(Map.of("HERALD_TWILIO_BASE_URL", twilio.baseUrl().toString())).waitUntilReady();
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }


    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void setUpTwilioSwitchToLiveAndSendATestToMe() throws Exception {
        shortcut(KeyCode.DIGIT4);
        herald.waitFor(() -> visible("#accountField"));
        assertThat(visible("#simulationBanner")).isTrue();
        ScrollPane screen = robot.lookup(".settings-screen .scroll-pane").queryAs(ScrollPane.class);
        assertThat(screen.getContent().getLayoutBounds().getHeight()).as("the whole of Settings fits a 720-pixel window")
                .isLessThanOrEqualTo(screen.getViewportBounds().getHeight());
        assertThat(robot.lookup("#testButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#liveChoice");
        herald.waitFor(() -> visible("#problemLabel") && text("#problemLabel").startsWith("To send through Twilio"));
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#accountField").write(TwilioSimulator.ACCOUNT_SID);
        robot.clickOn("#secretField").write(TOKEN);
        assertThat(robot.lookup("#messagingChoice").queryAs(javafx.scene.control.RadioButton.class).isSelected())
                .as("a new setup sends through a Messaging Service").isTrue();
        assertThat(visible("#notifyServiceField")).isFalse();
        robot.clickOn("#messagingServiceField").write(TwilioSimulator.MESSAGING_SERVICE_SID);
        robot.clickOn("#ownNumberField").write("(415) 200-0001");
        assertThat(text("#ownNumberFeedback")).contains("+1 415-200-0001");
        robot.clickOn("#testButton");
        herald.waitFor(() -> visible("#noticeLabel") && text("#noticeLabel").startsWith("Connected."));
        assertThat(text("#noticeLabel")).contains(TwilioSimulator.MESSAGING_SERVICE_SID).contains("2 senders");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.getContent().getLayoutBounds().getHeight()).as("and still with the answer of the test below it")
                .isLessThanOrEqualTo(screen.getViewportBounds().getHeight());

        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "settings");
        robot.clickOn("#saveButton");
        confirm("Switch to LIVE");
        herald.waitFor(() -> !visible("#simulationBanner"));
        assertThat(text("#modeLabel")).contains("LIVE");
        assertThat(herald.stage().getTitle()).isEqualTo("Herald");
        assertThat(Files.readString(home.resolve("secrets.properties"))).contains(TOKEN);

        sendToTheFirstList("Parents evening moves to Thursday");
        Node dialog = robot.window("Send").getScene().getRoot();
        assertThat(robot.from(dialog).lookup("#modeLabel").queryAs(Label.class).getText()).startsWith("LIVE");
        assertThat(robot.from(dialog).lookup("#sendButton").queryButton().isDisabled()).as("LIVE needs the tick").isTrue();

        robot.clickOn(robot.from(dialog).lookup("#testButton").queryButton());
        herald.waitFor(() -> robot.from(dialog).lookup("#noticeLabel").queryAs(Label.class).getText()
                .startsWith("A test went to your number +1 415-200-0001"));
        assertThat(twilio.messages()).singleElement().satisfies(test -> {
            assertThat(test.to()).isEqualTo("+14152000001");
            assertThat(test.body()).isEqualTo("Parents evening moves to Thursday");
        });
        robot.clickOn(robot.from(dialog).lookup("#closeButton").queryButton());
        herald.stop();

        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> !file.endsWith("secrets.properties")))
                    .as("the secret is in no other file: settings, database, log")
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .as(file.toString()).doesNotContain(TOKEN));
        }
    }
}
