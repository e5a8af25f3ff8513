package app.herald.ui.history;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BroadcastSummary;
import app.herald.ui.common.NoticeLabels;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

/** Wires the history: broadcasts above, the chosen one's batches below, a batch's SID copied with Ctrl+C. */
public final class HistoryController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final HistoryViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private TableView<BroadcastSummary> broadcastTable;
    @FXML private TableColumn<BroadcastSummary, String> whenColumn;
    @FXML private TableColumn<BroadcastSummary, String> modeColumn;
    @FXML private TableColumn<BroadcastSummary, String> stateColumn;
    @FXML private TableColumn<BroadcastSummary, Number> recipientsColumn;
    @FXML private TableColumn<BroadcastSummary, Number> acceptedColumn;
    @FXML private TableColumn<BroadcastSummary, String> messageColumn;
    @FXML private TableView<Batch> batchTable;
    @FXML private TableColumn<Batch, Number> numberColumn;
    @FXML private TableColumn<Batch, Number> sizeColumn;
    @FXML private TableColumn<Batch, String> batchStateColumn;
    @FXML private TableColumn<Batch, String> sidColumn;
    @FXML private TableColumn<Batch, Number> attemptsColumn;
    @FXML private TableColumn<Batch, String> errorColumn;
    @FXML private Label noticeLabel;

    public HistoryController(HistoryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel);
    }

    @FXML
    private void initialize() {
        broadcastTable.setItems(viewModel.broadcasts());
        whenColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(WHEN.format(row.getValue().createdAt())));
        modeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().mode()));
        stateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().state().name()));
        recipientsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().recipients()));
        acceptedColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().accepted()));
        messageColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().body().replaceAll("\\s+", " ")));
        broadcastTable.getSelectionModel().selectedItemProperty().addListener((observable, previous, broadcast) -> {
            if (broadcast != null) {
                viewModel.selectedProperty().set(broadcast);
            }
        });
        viewModel.selectedProperty().addListener((observable, previous, broadcast) -> {
            if (broadcast != null && broadcastTable.getSelectionModel().getSelectedItem() != broadcast) {
                broadcastTable.getSelectionModel().select(broadcast);
            }
        });

        batchTable.setItems(viewModel.batches());
        numberColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().number()));
        sizeColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().size()));
        batchStateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().state().name()));
        sidColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().sid()));
        attemptsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().attempts()));
        errorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().errorMessage()));
        batchTable.setOnKeyPressed(event -> {
            Batch batch = batchTable.getSelectionModel().getSelectedItem();
            if (COPY.match(event) && batch != null && batch.sid() != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(batch.sid());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        // a send may have moved on since the screen was last shown
        root.parentProperty().addListener((observable, previous, parent) -> {
            if (parent != null) {
                viewModel.refresh();
            }
        });
        viewModel.refresh();
    }
}
