package app.herald.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.RecipientOutcome;
import app.herald.cli.HeraldCommand;
import app.herald.settings.ChannelKind;
import app.herald.settings.DataFolder;
import app.herald.settings.Mode;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * What a new user does first, in the real window: import a sample export, write a message, send
 * it in SIMULATION through the Messaging channel (a new setup's default), and find a message's SID
 * in the dialog, in History, in the journal and in `herald recipients`.
 */
class EndToEndTest extends HeraldWindowTest {

    private static final Pattern SID = Pattern.compile("SM[0-9a-f]{32}");

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

        herald.waitFor(() -> robot.lookup("#outcomeLabel").queryAs(Label.class).getText().startsWith("Every message"));
        @SuppressWarnings("unchecked")
        ListView<String> events = robot.lookup("#eventList").queryAs(ListView.class);
        List<String> sids = events.getItems().stream().map(SID::matcher).filter(Matcher::find).map(Matcher::group).toList();
        assertThat(sids).as("the dialog names the last message accepted").hasSize(1);
        String sid = sids.get(0);
        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(bar.getHeight()).as("the bar is on screen, not squeezed to nothing").isGreaterThan(4);
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText()).startsWith("150 of 150 messages ended");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-done");
        robot.clickOn("#closeButton");

        shortcut(KeyCode.DIGIT3);
        herald.waitFor(() -> robot.lookup("#recipientTable").tryQuery().isPresent()
                && robot.lookup("#recipientTable").queryTableView().getItems().size() == 150);
        assertThat(robot.lookup("#recipientTable").queryTableView().getItems())
                .extracting(recipient -> ((RecipientOutcome) recipient).sid()).contains(sid);
        assertThat(robot.lookup("#recipientsSummaryLabel").queryAs(Label.class).getText()).startsWith("150 accepted");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, herald.stage().getScene(), "history");
        String number = robot.lookup("#recipientTable").queryTableView().getItems().stream()
                .map(RecipientOutcome.class::cast).filter(recipient -> sid.equals(recipient.sid())).findFirst().orElseThrow().e164();
        String digits = number.substring(number.length() - 7, number.length() - 4) + " " + number.substring(number.length() - 4);
        robot.clickOn("#recipientSearchField").write(digits);
        herald.waitFor(() -> robot.lookup("#recipientTable").queryTableView().getItems().size() < 150);
        assertThat(robot.lookup("#recipientTable").queryTableView().getItems()).as("found by the digits typed, spaces and all")
                .extracting(recipient -> ((RecipientOutcome) recipient).sid()).contains(sid);
        herald.stop();

        try (Storage storage = TestStorage.open(home)) {
            BroadcastSummary sent = new Broadcasts(storage.jdbi()).all().get(0);
            assertThat(sent.mode()).isEqualTo(Mode.SIMULATION);
            assertThat(sent.channel()).isEqualTo(ChannelKind.MESSAGES);
            assertThat(sent.recipients()).isEqualTo(150);
            assertThat(sent.accepted()).isEqualTo(150);
            assertThat(sent.lists()).isEqualTo("Kunden");
            assertThat(new BroadcastRecipients(storage.jdbi()).page(sent.id(), null, "", 1_000))
                    .hasSize(150).extracting(RecipientOutcome::sid).contains(sid).doesNotHaveDuplicates();
        }
        StringWriter out = new StringWriter();
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home), Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute("recipients", "--json")).isZero();
        assertThat(out.toString()).contains("\"sid\":\"" + sid + "\"").contains("\"state\":\"ACCEPTED\"");
    }
}
