package app.herald.ui.compose;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Hallo Bjørn" in the real window: a column ticked in the import dialog, a field inserted from
 * the composer's menu, each person's text previewed in the confirmation and sent to the simulator.
 */
class PersonalMessageWindowTest extends HeraldWindowTest {

    @Test
    void aTickedColumnAndAFieldFromTheMenuGiveEachPersonTheirOwnText() throws Exception {
        startSimulator();
        Files.writeString(home.resolve("ui.properties"), "import.country=DE\npace.perSecond=0\npace.senders=4\n");
        startHeraldOnTheSimulator().waitUntilReady();

        Path file = home.resolve("team.csv");
        Files.copy(Path.of(getClass().getResource("/samples/excel-de-semicolon-bom.csv").toURI()), file,
                StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> herald.app().importFile(file));
        herald.waitFor(() -> visible("#setupPane"));
        assertThat(robot.lookup("#firstNameColumnBox").queryComboBox().getValue()).isEqualTo("Vorname");
        robot.clickOn("#keep3");
        @SuppressWarnings("unchecked")
        ComboBox<String> list = robot.lookup("#listBox").queryAs(ComboBox.class);
        robot.clickOn(list.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("Team");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Import contacts").getScene(), "import-keep-columns");
        robot.clickOn("#startImportButton");
        herald.waitFor(() -> visible("#reportPane"));
        robot.clickOn("#cancelButton");
        herald.waitFor(() -> robot.listWindows().size() == 1);

        composeForTheFirstList();
        robot.clickOn("#messageArea").write("Hallo , ");
        // the field goes where the caret is: after "Hallo "
        robot.interact(() -> robot.lookup("#messageArea").queryTextInputControl().positionCaret(6));
        robot.clickOn("#fieldMenu");
        robot.clickOn("{first_name}");
        robot.press(KeyCode.END).release(KeyCode.END).write("your group is ");
        robot.clickOn("#fieldMenu");
        robot.clickOn("{gruppe}");
        robot.write(".");
        assertThat(robot.lookup("#messageArea").queryTextInputControl().getText())
                .isEqualTo("Hallo {first_name}, your group is {gruppe}.");
        herald.waitFor(() -> label("#personalLabel").startsWith("Each person gets their own text."));
        assertThat(label("#personalLabel")).contains("for all 150 recipients").contains("go as UCS-2");
        Screenshots.save(robot, herald.stage().getScene(), "compose-personal");

        herald.waitFor(() -> !robot.lookup("#sendButton").query().isDisabled());
        robot.clickOn("#sendButton");
        herald.waitFor(() -> visible("#confirmPane"));
        Node dialog = robot.window("Send").getScene().getRoot();
        String first = dialogLabel(dialog, "#bodyLabel");
        assertThat(first).matches("Hallo \\p{L}+, your group is Team [A-Z]\\.");
        assertThat(dialogLabel(dialog, "#previewLabel")).endsWith("(1 of the first 25)");
        robot.clickOn(robot.from(dialog).lookup("#nextButton").<Node>query());
        assertThat(dialogLabel(dialog, "#previewLabel")).endsWith("(2 of the first 25)");
        assertThat(dialogLabel(dialog, "#bodyLabel")).isNotEqualTo(first).startsWith("Hallo ");
        assertThat(dialogLabel(dialog, "#personalLabel")).contains("as UCS-2, 70 characters a segment: ");
        assertThat(dialogLabel(dialog, "#segmentsLabel")).startsWith("Each person gets their own text: ");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.window("Send").getScene(), "send-personal");

        robot.clickOn(robot.from(dialog).lookup("#liveCheck").<Node>query());
        robot.clickOn(robot.from(dialog).lookup("#sendButton").<Node>query());
        herald.waitFor(() -> dialogLabel(dialog, "#outcomeLabel").startsWith("Every message has ended"));
        robot.clickOn("#closeButton");

        assertThat(simulator.messages()).hasSize(150)
                .allSatisfy(message -> assertThat(message.body()).matches("Hallo \\p{L}+, your group is Team [A-Z]\\."))
                .anySatisfy(message -> assertThat(message.body()).isEqualTo("Hallo Bjørn, your group is Team A."));

        shortcut(KeyCode.DIGIT1);
        herald.waitFor(() -> herald.showing("1\u2013100 of 150"));
        robot.clickOn("#contactTable").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL).write("89721047");
        herald.waitFor(() -> herald.showing("1\u20131 of 1") && visible("Bjørn Schäfer"));
        robot.doubleClickOn("Bjørn Schäfer");
        herald.waitFor(() -> robot.lookup("#numberDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#textField1").queryAs(TextField.class).getText()).isEqualTo("Bjørn");
        assertThat(robot.lookup("#textField2").queryAs(TextField.class).getText()).isEqualTo("Schäfer");
        assertThat(robot.lookup("#textField3").queryAs(TextField.class).getText()).isEqualTo("Team A");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(robot, robot.lookup("#numberDialog").query().getScene(), "contact-editor");
        TextField group = robot.lookup("#textField3").queryAs(TextField.class);
        robot.interact(group::clear);
        robot.clickOn(group).write("Team C");
        robot.clickOn("Save");
        herald.waitFor(() -> robot.lookup("#numberDialog").tryQuery().isEmpty() && visible("Bjørn Schäfer"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("Bjørn Schäfer");
        herald.waitFor(() -> robot.lookup("#numberDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#textField3").queryAs(TextField.class).getText()).isEqualTo("Team C");
        robot.clickOn("Cancel");
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private String dialogLabel(Node dialog, String id) {
        return robot.from(dialog).lookup(id).queryAs(Label.class).getText();
    }
}
