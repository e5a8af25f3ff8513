package app.herald.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Contact;
import app.herald.ui.HeraldWindowTest;
import java.nio.file.Files;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

/** The Lists screen in the real window: make a list, add people by hand, search, delete. */
class ListsScreenTest extends HeraldWindowTest {

    @BeforeEach
    void startWithADefaultCountry() throws Exception {
        // numbers typed without +1 are American here, whatever this computer's locale
        Files.writeString(home.resolve("ui.properties"), "import.country=US\n");
        startHerald().waitUntilReady();
    }

    @SuppressWarnings("unchecked")
    private TableView<Contact> contacts() {
        return robot.lookup("#contactTable").queryAs(TableView.class);
    }

    /** Clicks the table row that shows this number (the table keeps spare, hidden rows: those do not count). */
    private FxRobotInterface clickRow(String number) {
        // a page that just arrived is laid out in the next pulse: click where the row is then
        WaitForAsyncUtils.waitForFxEvents();
        return robot.clickOn(robot.lookup((Node node) -> node instanceof TableRow<?> row && node.isVisible()
                && row.getItem() instanceof Contact contact && contact.e164().equals(number)).<Node>query());
    }

    private void addContact(String number, String name) throws Exception {
        robot.clickOn("#addContactButton");
        herald.waitFor(() -> robot.lookup("#numberDialog").tryQuery().isPresent());
        robot.clickOn("#numberField").write(number);
        robot.clickOn("#textField").write(name);
        robot.clickOn("Save");
    }

    @Test
    void makeAListAddPeopleSearchAndDelete() throws Exception {
        assertThat(herald.shows("No lists yet")).isTrue();

        robot.clickOn("#newListButton");
        herald.waitFor(() -> robot.lookup("#textDialog").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#textDialog .text-field").<Node>query()).write("Parents").type(KeyCode.ENTER);
        assertThat(herald.shows("Made the list \u201cParents\u201d.")).isTrue();
        assertThat(robot.lookup("#listView").queryAs(ListView.class).getSelectionModel().getSelectedItem())
                .hasFieldOrPropertyWithValue("name", "Parents");

        addContact("(415) 555-0132", "Ana Lopez");
        herald.waitFor(() -> contacts().getItems().size() == 1);
        assertThat(contacts().getItems().get(0).e164()).isEqualTo("+14155550132");

        robot.clickOn("#addContactButton");
        herald.waitFor(() -> robot.lookup("#numberDialog").tryQuery().isPresent());
        robot.clickOn("#numberField").write("555-01");
        assertThat(robot.lookup("#numberFeedback").queryAs(Label.class).getText()).startsWith("Herald cannot use this number: ");
        assertThat(robot.lookup("Save").queryButton().isDisabled()).isTrue();
        robot.clickOn("#numberField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("+44 7911 123456");
        assertThat(robot.lookup("#numberFeedback").queryAs(Label.class).getText()).isEqualTo("Will be saved as +44 7911 123456");
        robot.clickOn("#textField").write("Bo");
        robot.clickOn("Save");
        herald.waitFor(() -> contacts().getItems().size() == 2);
        assertThat(herald.shows("1\u20132 of 2")).isTrue();

        robot.clickOn("#contactTable").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL).write("ana");
        herald.waitFor(() -> contacts().getItems().size() == 1);
        assertThat(herald.shows("1\u20131 of 1")).isTrue();
        robot.write("zzz");
        herald.waitFor(() -> contacts().getItems().isEmpty());
        assertThat(((Label) contacts().getPlaceholder()).getText()).as("the list is not empty: the search found nothing")
                .startsWith("No contact in this list matches \u201canazzz\u201d");
        robot.eraseText(6);
        herald.waitFor(() -> contacts().getItems().size() == 2);

        clickRow("+14155550132").type(KeyCode.DELETE);
        confirm("Delete");
        herald.waitFor(() -> contacts().getItems().size() == 1);
        assertThat(contacts().getItems().get(0).name()).isEqualTo("Bo");
        assertThat(herald.shows("Deleted one contact.")).isTrue();
    }
}
