package app.herald.ui.history;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.DailyOutcome;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Quote;
import app.herald.broadcast.RecipientOutcome;
import app.herald.contacts.PhoneNumbers;
import app.herald.settings.ChannelKind;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.NoticeLabels;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Wires the history: broadcasts above; below, the chosen one's Notify batches, or its recipients
 * when it went through a Messaging Service; a SID copied with Ctrl+C.
 */
public final class HistoryController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d");
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final HistoryViewModel viewModel;
    private final ResourceBundle bundle;
    private final Consumer<Quote> send;

    @FXML private BorderPane root;
    @FXML private TableView<BroadcastSummary> broadcastTable;
    @FXML private TableColumn<BroadcastSummary, String> whenColumn;
    @FXML private TableColumn<BroadcastSummary, String> modeColumn;
    @FXML private TableColumn<BroadcastSummary, String> channelColumn;
    @FXML private TableColumn<BroadcastSummary, String> stateColumn;
    @FXML private TableColumn<BroadcastSummary, Number> recipientsColumn;
    @FXML private TableColumn<BroadcastSummary, Number> acceptedColumn;
    @FXML private TableColumn<BroadcastSummary, String> listsColumn;
    @FXML private TableColumn<BroadcastSummary, String> messageColumn;
    @FXML private VBox batchesPane;
    @FXML private VBox recipientsPane;
    @FXML private Label recipientsSummaryLabel;
    @FXML private TextField recipientSearchField;
    @FXML private TableView<RecipientOutcome> recipientTable;
    @FXML private TableColumn<RecipientOutcome, String> recipientNumberColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientNameColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientStateColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientSidColumn;
    @FXML private TableColumn<RecipientOutcome, String> recipientErrorColumn;
    @FXML private Label copyHintLabel;
    @FXML private TableView<Batch> batchTable;
    @FXML private TableColumn<Batch, Number> numberColumn;
    @FXML private TableColumn<Batch, Number> sizeColumn;
    @FXML private TableColumn<Batch, String> batchStateColumn;
    @FXML private TableColumn<Batch, String> sidColumn;
    @FXML private TableColumn<Batch, Number> attemptsColumn;
    @FXML private TableColumn<Batch, String> sentAtColumn;
    @FXML private TableColumn<Batch, String> errorColumn;
    @FXML private Label noticeLabel;
    @FXML private StackedBarChart<String, Number> dailyChart;
    @FXML private ComboBox<BroadcastState> stateFilterBox;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Button exportButton;
    @FXML private Button resumeButton;
    @FXML private Button sendAgainButton;
    @FXML private Button markSentButton;

    /** @param send opens the send dialog, here to resume a broadcast's PENDING batches */
    public HistoryController(HistoryViewModel viewModel, ResourceBundle bundle, Consumer<Quote> send) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.send = Objects.requireNonNull(send);
    }

    @FXML
    private void initialize() {
        broadcastTable.setItems(viewModel.broadcasts());
        stateFilterBox.getItems().add(null);
        // a broadcast being planned is not in the history yet
        stateFilterBox.getItems().addAll(Arrays.stream(BroadcastState.values())
                .filter(state -> state != BroadcastState.PLANNING).toList());
        stateFilterBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(BroadcastState state) {
                return state == null ? bundle.getString("history.filter.all") : state.name();
            }

            @Override
            public BroadcastState fromString(String text) {
                return null;
            }
        });
        stateFilterBox.valueProperty().bindBidirectional(viewModel.stateFilterProperty());
        fromPicker.valueProperty().bindBidirectional(viewModel.fromDateProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toDateProperty());
        exportButton.disableProperty().bind(Bindings.isEmpty(viewModel.broadcasts()));
        whenColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(WHEN.format(row.getValue().createdAt())));
        modeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().mode().name()));
        channelColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                bundle.getString("history.channel." + row.getValue().channel().label())));
        stateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().state().name()));
        recipientsColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().recipients()));
        acceptedColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().accepted()));
        listsColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().lists()));
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
        sentAtColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().sentAt() == null ? "" : WHEN.format(row.getValue().sentAt())));
        errorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().errorMessage()));
        copySidOnShortcut(batchTable, Batch::sid);
        bindRecipients();
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || viewModel.selectedProperty().get().pendingRequests() == 0, viewModel.selectedProperty()));
        var chosenBatch = batchTable.getSelectionModel().selectedItemProperty();
        var chosenRecipient = recipientTable.getSelectionModel().selectedItemProperty();
        var notUncertain = Bindings.createBooleanBinding(() -> messages()
                        ? chosenRecipient.get() == null || chosenRecipient.get().state() != SendState.UNCERTAIN
                        : chosenBatch.get() == null || chosenBatch.get().state() != SendState.UNCERTAIN,
                chosenBatch, chosenRecipient, viewModel.selectedProperty());
        sendAgainButton.disableProperty().bind(notUncertain);
        markSentButton.disableProperty().bind(notUncertain);
        viewModel.lastThirtyDays().addListener((ListChangeListener<DailyOutcome>) change -> showChart());
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
        // a send may have moved on since the screen was last shown
        root.parentProperty().addListener((observable, previous, parent) -> {
            if (parent != null) {
                viewModel.refresh();
            }
        });
        viewModel.refresh();
    }

    /** Ctrl+C on a row copies its SID (a batch's or a message's), when it has one. */
    private static <T> void copySidOnShortcut(TableView<T> table, Function<T, String> sid) {
        table.setOnKeyPressed(event -> {
            T row = table.getSelectionModel().getSelectedItem();
            if (COPY.match(event) && row != null && sid.apply(row) != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(sid.apply(row));
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
    }

    /** Whether the chosen broadcast went through a Messaging Service: its recipients show, not batches. */
    private boolean messages() {
        BroadcastSummary chosen = viewModel.selectedProperty().get();
        return chosen != null && chosen.channel() == ChannelKind.MESSAGES;
    }

    private void bindRecipients() {
        var messages = Bindings.createBooleanBinding(this::messages, viewModel.selectedProperty());
        recipientsPane.visibleProperty().bind(messages);
        batchesPane.visibleProperty().bind(messages.not());
        copyHintLabel.textProperty().bind(Bindings.when(messages).then(bundle.getString("history.recipients.copyHint"))
                .otherwise(bundle.getString("history.copyHint")));
        recipientsSummaryLabel.textProperty().bind(Bindings.createStringBinding(viewModel::recipientsSummary,
                viewModel.selectedProperty()));
        recipientSearchField.textProperty().bindBidirectional(viewModel.recipientSearchProperty());
        recipientTable.setItems(viewModel.recipients());
        recipientNumberColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PhoneNumbers.forPeople(row.getValue().e164())));
        recipientNameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        recipientStateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                row.getValue().state() == null ? "" : row.getValue().state().name()));
        recipientSidColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().sid()));
        recipientErrorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().errorMessage()));
        copySidOnShortcut(recipientTable, RecipientOutcome::sid);
    }

    /** Recipients per day, stacked by outcome, one bar a day labelled with its day of the month. */
    private void showChart() {
        XYChart.Series<String, Number> sent = new XYChart.Series<>();
        sent.setName(bundle.getString("history.chart.sent"));
        XYChart.Series<String, Number> failed = new XYChart.Series<>();
        failed.setName(bundle.getString("history.chart.failed"));
        XYChart.Series<String, Number> uncertain = new XYChart.Series<>();
        uncertain.setName(bundle.getString("history.chart.uncertain"));
        for (DailyOutcome day : viewModel.lastThirtyDays()) {
            String label = DAY.format(day.day());
            sent.getData().add(new XYChart.Data<>(label, day.accepted()));
            failed.getData().add(new XYChart.Data<>(label, day.failed()));
            uncertain.getData().add(new XYChart.Data<>(label, day.uncertain()));
        }
        dailyChart.getData().setAll(List.of(sent, failed, uncertain));
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("history.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(bundle.getString("lists.csvFiles"), "*.csv"));
        chooser.setInitialFileName("herald-history.csv");
        File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            viewModel.export(target.toPath());
        }
    }

    @FXML
    private void resume() {
        viewModel.resumeQuote().ifPresent(send);
    }

    @FXML
    private void sendAgain() {
        RecipientOutcome recipient = recipientTable.getSelectionModel().getSelectedItem();
        if (messages()) {
            if (recipient != null && Dialogs.confirm(root, bundle.getString("history.message.sendAgain.title"),
                    viewModel.sendAgainQuestion(recipient), bundle.getString("history.sendAgain"))) {
                viewModel.sendAgain(recipient);
            }
            return;
        }
        Batch batch = batchTable.getSelectionModel().getSelectedItem();
        if (batch != null && Dialogs.confirm(root, bundle.getString("history.sendAgain.title"),
                viewModel.sendAgainQuestion(batch), bundle.getString("history.sendAgain"))) {
            viewModel.sendAgain(batch);
        }
    }

    @FXML
    private void markSent() {
        RecipientOutcome recipient = recipientTable.getSelectionModel().getSelectedItem();
        if (messages()) {
            if (recipient != null && Dialogs.confirm(root, bundle.getString("history.message.markSent.title"),
                    viewModel.markSentQuestion(recipient), bundle.getString("history.markSent"))) {
                viewModel.markSent(recipient);
            }
            return;
        }
        Batch batch = batchTable.getSelectionModel().getSelectedItem();
        if (batch != null && Dialogs.confirm(root, bundle.getString("history.markSent.title"),
                viewModel.markSentQuestion(batch), bundle.getString("history.markSent"))) {
            viewModel.markSent(batch);
        }
    }
}
