package app.herald.ui.lists;

import app.herald.contacts.Country;
import app.herald.contacts.OptOut;
import app.herald.contacts.PhoneNumbers;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.NoticeLabels;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.FileChooser;

/** Wires the opt-out tab: the table of numbers never sent to, with add, remove and import. */
public final class OptOutsController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private final OptOutsViewModel viewModel;
    private final ResourceBundle bundle;
    private final Supplier<Country> defaultCountry;

    @FXML private Button addOptOutButton;
    @FXML private Button importOptOutsButton;
    @FXML private Button removeOptOutButton;
    @FXML private TableView<OptOut> optOutTable;
    @FXML private TableColumn<OptOut, String> numberColumn;
    @FXML private TableColumn<OptOut, String> reasonColumn;
    @FXML private TableColumn<OptOut, String> sourceColumn;
    @FXML private TableColumn<OptOut, String> dateColumn;
    @FXML private Label noticeLabel;

    /** @param defaultCountry the country numbers without + belong to, or null when none is chosen yet */
    public OptOutsController(OptOutsViewModel viewModel, ResourceBundle bundle, Supplier<Country> defaultCountry) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.defaultCountry = Objects.requireNonNull(defaultCountry);
    }

    @FXML
    private void initialize() {
        optOutTable.setItems(viewModel.entries());
        numberColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PhoneNumbers.forPeople(row.getValue().e164())));
        reasonColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().reason()));
        sourceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().source()));
        dateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(DATE.format(row.getValue().createdAt())));
        optOutTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
                remove();
            }
        });
        ReadOnlyBooleanProperty busy = viewModel.busyProperty();
        addOptOutButton.disableProperty().bind(busy);
        importOptOutsButton.disableProperty().bind(busy);
        removeOptOutButton.disableProperty().bind(optOutTable.getSelectionModel().selectedItemProperty().isNull().or(busy));
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        viewModel.refresh();
    }

    @FXML
    private void add() {
        NumberDialog.show(optOutTable, bundle, bundle.getString("optOuts.add.title"), defaultCountry.get(), "",
                        bundle.getString("optOuts.reason.label"), bundle.getString("optOuts.reason.default"))
                .ifPresent(entry -> viewModel.add(entry.e164(), entry.text()));
    }

    @FXML
    private void remove() {
        OptOut entry = optOutTable.getSelectionModel().getSelectedItem();
        if (entry != null && Dialogs.confirm(optOutTable, bundle.getString("optOuts.remove.title"),
                viewModel.removeQuestion(entry), bundle.getString("optOuts.remove.title"))) {
            viewModel.remove(entry);
        }
    }

    @FXML
    private void importFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("optOuts.import.title"));
        File file = chooser.showOpenDialog(optOutTable.getScene().getWindow());
        if (file != null) {
            viewModel.importFile(file.toPath(), defaultCountry.get());
        }
    }
}
