package app.herald.ui.history;

import app.herald.broadcast.Quote;
import app.herald.broadcast.RecipientFilter;
import app.herald.broadcast.RecipientOutcome;
import app.herald.contacts.PhoneNumbers;
import app.herald.ui.common.Dialogs;
import java.io.File;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Wires the chosen broadcast's recipients: the table with each message's state, Twilio's status and
 * why it did not arrive; the search and the status filter; the export; and the two ways to reach
 * those who did not get it (a list of them, or the same message again through the confirmation).
 */
public final class RecipientsController {

    private final RecipientsViewModel viewModel;
    private final ResourceBundle bundle;
    private final Consumer<Quote> send;

    @FXML private VBox root;
    @FXML private Label recipientsSummaryLabel;
    @FXML private TextField recipientSearchField;
    @FXML private ComboBox<RecipientFilter> statusFilterBox;
    @FXML private Button exportRecipientsButton;
    @FXML private TableView<RecipientOutcome> recipientTable;
    @FXML private TableColumn<RecipientOutcome, String> recipientNumberColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientNameColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientStateColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientStatusColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientSidColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientErrorColumn;
    @FXML private Button saveNotReachedButton;
    @FXML private Button sendToNotReachedButton;

    /** @param send opens the send dialog's confirmation for a quote */
    public RecipientsController(RecipientsViewModel viewModel, ResourceBundle bundle, Consumer<Quote> send) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.send = Objects.requireNonNull(send);
    }

    @FXML
    private void initialize() {
        recipientsSummaryLabel.textProperty().bind(Bindings.createStringBinding(viewModel::summary, viewModel.selectedProperty()));
        recipientSearchField.textProperty().bindBidirectional(viewModel.searchProperty());
        statusFilterBox.getItems().setAll(Arrays.asList(RecipientFilter.values()));
        statusFilterBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecipientFilter filter) {
                return filter == null ? "" : bundle.getString("history.recipients.filter." + filter.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public RecipientFilter fromString(String text) {
                return null;
            }
        });
        statusFilterBox.valueProperty().bindBidirectional(viewModel.filterProperty());
        recipientTable.setItems(viewModel.recipients());
        recipientNumberColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PhoneNumbers.forPeople(row.getValue().e164())));
        recipientNameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        recipientStateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().state() == null ? "" : row.getValue().state().name()));
        recipientStatusColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(status(row.getValue())));
        recipientSidColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().sid()));
        recipientErrorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().errorMessage()));
        recipientErrorColumn.setCellFactory(column -> new WholeTextCell());
        HistoryController.copySidOnShortcut(recipientTable, RecipientOutcome::sid);
        exportRecipientsButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        var nobody = viewModel.notReachedCountProperty().isEqualTo(0);
        saveNotReachedButton.disableProperty().bind(nobody);
        sendToNotReachedButton.disableProperty().bind(nobody);
        saveNotReachedButton.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                bundle.getString("history.notReached.save"), viewModel.notReachedCountProperty().get()),
                viewModel.notReachedCountProperty()));
        sendToNotReachedButton.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                bundle.getString("history.notReached.send"), viewModel.notReachedCountProperty().get()),
                viewModel.notReachedCountProperty()));
    }

    /** A cell whose whole text shows on hover: a reason in words is longer than its column. */
    private static final class WholeTextCell extends TableCell<RecipientOutcome, String> {

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    /** Twilio's word for the status, as a person reads it; "(matched)" when found by number, body and time. */
    private String status(RecipientOutcome recipient) {
        if (recipient.status() == null) {
            return "";
        }
        String key = "history.status." + recipient.status();
        String word = bundle.containsKey(key) ? bundle.getString(key) : recipient.status();
        return recipient.matched() ? MessageFormat.format(bundle.getString("history.status.matched"), word) : word;
    }

    /** The recipient chosen in the table, for the uncertain message's own actions. */
    ReadOnlyObjectProperty<RecipientOutcome> chosenProperty() {
        return recipientTable.getSelectionModel().selectedItemProperty();
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("history.recipients.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(bundle.getString("lists.csvFiles"), "*.csv"));
        chooser.setInitialFileName("herald-recipients-" + viewModel.selectedProperty().get().id() + ".csv");
        File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            viewModel.export(target.toPath());
        }
    }

    @FXML
    private void saveNotReached() {
        Dialogs.askText(root, bundle.getString("history.notReached.save.title"), bundle.getString("history.notReached.save.question"),
                bundle.getString("history.notReached.save.name"), viewModel.suggestedListName()).ifPresent(viewModel::saveNotReached);
    }

    @FXML
    private void sendToNotReached() {
        viewModel.sendAgainToNotReached(send);
    }
}
