package app.herald.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.RecipientList;
import app.herald.contacts.csv.RejectedRow;
import app.herald.ui.HeraldWindowTest;
import app.herald.ui.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import dialog in the real window, from a dropped file to the report and the list it filled. */
class ImportDialogTest extends HeraldWindowTest {

    @BeforeEach
    void startWithADefaultCountry() throws Exception {
        Files.writeString(home.resolve("ui.properties"), "import.country=DE\n");
        startHerald().waitUntilReady();
    }

    private Path sample(String name) throws Exception {
        Path copy = home.resolve(name);
        Files.copy(Path.of(getClass().getResource("/samples/" + name).toURI()), copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private void drop(Path file) {
        robot.interact(() -> herald.app().importFile(file));
    }


    private Window dialog() {
        return robot.window("Import contacts");
    }

    @Test
    void fromFileToReportToTheFilledList() throws Exception {
        drop(sample("excel-de-semicolon-bom.csv"));
        herald.waitFor(() -> visible("#setupPane"));

        assertThat(robot.lookup("#delimiterBox").queryComboBox().getValue()).isEqualTo(';');
        assertThat(robot.lookup("#phoneColumnBox").queryComboBox().getValue()).isEqualTo("Handy");
        assertThat(robot.lookup("#countryBox").queryComboBox().getValue()).hasFieldOrPropertyWithValue("code", "DE");
        assertThat(robot.lookup("#previewTable").queryTableView().getItems()).hasSize(ImportViewModel.PREVIEW_ROWS);
        @SuppressWarnings("unchecked")
        ComboBox<String> list = robot.lookup("#listBox").queryAs(ComboBox.class);
        assertThat(list.getEditor().getText()).isEqualTo("excel-de-semicolon-bom");
        Screenshots.save(robot, dialog().getScene(), "import-dialog");

        robot.clickOn(list.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("Kunden");
        robot.clickOn("#startImportButton");
        herald.waitFor(() -> visible("#reportPane"));

        assertThat(robot.lookup("#doneLabel").queryAs(Label.class).getText())
                .isEqualTo("Imported 150 contacts into \u201cKunden\u201d from 166 rows.");
        @SuppressWarnings("unchecked")
        TableView<RejectedRow> rejected = robot.lookup("#rejectedTable").queryAs(TableView.class);
        assertThat(rejected.getItems()).anySatisfy(row -> assertThat(row.reason()).startsWith("damaged by Excel"));
        assertThat(visible("#saveRejectedButton")).isTrue();
        TableCell<?, ?> reason = robot.from(rejected).lookup((TableCell<?, ?> cell) -> cell.getTableColumn() != null
                && "reasonColumn".equals(cell.getTableColumn().getId()) && cell.getText() != null).query();
        robot.moveTo(reason);
        herald.waitFor(() -> reason.getTooltip() != null);
        assertThat(reason.getTooltip().getText()).isEqualTo(reason.getText());
        Screenshots.save(robot, dialog().getScene(), "import-report");

        robot.clickOn("#cancelButton");
        herald.waitFor(() -> robot.listWindows().size() == 1);
        @SuppressWarnings("unchecked")
        ListView<RecipientList> lists = robot.lookup("#listView").queryAs(ListView.class);
        herald.waitFor(() -> lists.getSelectionModel().getSelectedItem() != null
                && lists.getSelectionModel().getSelectedItem().name().equals("Kunden"));
        assertThat(lists.getSelectionModel().getSelectedItem().contacts()).isEqualTo(150);
        assertThat(herald.shows("1\u2013100 of 150")).isTrue();
    }

    @Test
    void aFileThatIsNotAContactFileIsExplainedAndNothingIsImported() throws Exception {
        Path workbook = Files.write(home.resolve("contacts.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

        drop(workbook);
        herald.waitFor(() -> visible("#setupPane"));

        Label notice = robot.from(dialog().getScene().getRoot()).lookup("#noticeLabel").queryAs(Label.class);
        assertThat(notice.getText()).contains("Excel workbook");
        assertThat(robot.lookup("#startImportButton").query().isDisabled()).isTrue();
        robot.clickOn("#cancelButton");
        herald.waitFor(() -> robot.listWindows().size() == 1);
        assertThat(herald.shows("No lists yet")).isTrue();
    }
}
