package app.herald.ui.history;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.broadcast.Batch;
import app.herald.broadcast.BroadcastState;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.DailyOutcome;
import app.herald.broadcast.Quote;
import app.herald.broadcast.RecipientOutcome;
import app.herald.broadcast.SendState;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.PlainText;
import app.herald.delivery.BroadcastReply;
import app.herald.settings.ChannelKind;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.NoticeLabels;
import java.io.File;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Wires the history: broadcasts above; below, how the chosen one's messages fared (the funnel), its
 * recipients ({@link RecipientsController}), its Notify batches and its replies; a SID copied with
 * Ctrl+C; F5 reads Twilio's log now.
 */
public final class HistoryController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d");
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CHECK_NOW = new KeyCodeCombination(KeyCode.F5);
    private static final Duration LOOK_AGAIN_WHO_SENDS = Duration.seconds(2);

    private final HistoryViewModel viewModel;
    private final ResourceBundle bundle;
    private final Consumer<Quote> send;
    private final Node recipientsView;
    private final RecipientsController recipientsController;
    private final Runnable checkNow;
    private DeliveryFunnel funnel;

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
    @FXML private VBox funnelHost;
    @FXML private TabPane detailTabs;
    @FXML private Tab recipientsTab;
    @FXML private Tab batchesTab;
    @FXML private Tab repliesTab;
    @FXML private TableView<BroadcastReply> replyTable;
    @FXML private TableColumn<BroadcastReply, String> replyWhenColumn;
    @FXML private TableColumn<BroadcastReply, String> replyFromColumn;
    @FXML private TableColumn<BroadcastReply, String> replyNameColumn;
    @FXML private TableColumn<BroadcastReply, String> replyEffectColumn;
    @FXML private TableColumn<BroadcastReply, String> replyBodyColumn;
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
    @FXML private Label sentElsewhereLabel;
    @FXML private Button takeBackButton;
    @FXML private Label scheduleLabel;
    @FXML private Button sendAgainButton;
    @FXML private Button markSentButton;

    /**
     * @param send           opens the send dialog, here to resume a broadcast's PENDING batches
     * @param recipientsView the recipients pane, wired by {@code recipientsController}
     * @param checkNow       reads Twilio's log now, in the background
     */
    public HistoryController(HistoryViewModel viewModel, ResourceBundle bundle, Consumer<Quote> send, Node recipientsView,
            RecipientsController recipientsController, Runnable checkNow) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.send = Objects.requireNonNull(send);
        this.recipientsView = Objects.requireNonNull(recipientsView);
        this.recipientsController = Objects.requireNonNull(recipientsController);
        this.checkNow = Objects.requireNonNull(checkNow);
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
        stateColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(viewModel.stateText(row.getValue())));
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
        bindDetails();
        var elsewhere = viewModel.sentElsewhereProperty();
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() == null
                || viewModel.selectedProperty().get().pendingRequests() == 0 || !elsewhere.get().isEmpty(),
                viewModel.selectedProperty(), elsewhere));
        // another desktop sends it: who, and when it was last heard from
        sentElsewhereLabel.textProperty().bind(elsewhere);
        showOnlyWhen(sentElsewhereLabel, elsewhere.isNotEmpty());
        // read again while it shows: "last heard" moves on, and once that desktop gives the broadcast back
        // (or its lease runs out) Resume is offered here without a click
        // (and stops once the window is gone: a timeline outlives its window, and Herald's work with it)
        Timeline whoSends = new Timeline();
        whoSends.getKeyFrames().add(new KeyFrame(LOOK_AGAIN_WHO_SENDS, event -> {
            if (isShowing(sentElsewhereLabel)) {
                viewModel.lookAgainWhoSends();
            } else {
                whoSends.stop();
            }
        }));
        whoSends.setCycleCount(Animation.INDEFINITE);
        elsewhere.addListener((observable, before, now) -> {
            if (now.isEmpty()) {
                whoSends.stop();
            } else {
                whoSends.play();
            }
        });
        var scheduled = Bindings.createBooleanBinding(viewModel::canTakeBack, viewModel.selectedProperty());
        showOnlyWhen(takeBackButton, scheduled);
        showOnlyWhen(scheduleLabel, scheduled);
        scheduleLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.canTakeBack()
                ? MessageFormat.format(bundle.getString("history.scheduledFor"), viewModel.selectedProperty().get().schedule().words())
                : "", viewModel.selectedProperty()));
        var chosenBatch = batchTable.getSelectionModel().selectedItemProperty();
        var chosenRecipient = recipientsController.chosenProperty();
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
    static <T> void copySidOnShortcut(TableView<T> table, Function<T, String> sid) {
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

    /**
     * The funnel, the tabs (the recipients first for a Messaging broadcast, the batches first for
     * Notify, whose recipients' statuses are matched from Twilio's log), the replies, F5.
     */
    private void bindDetails() {
        funnel = new DeliveryFunnel(bundle);
        funnelHost.getChildren().add(funnel);
        recipientsTab.setContent(recipientsView);
        var messages = Bindings.createBooleanBinding(this::messages, viewModel.selectedProperty());
        batchesTab.disableProperty().bind(messages);
        viewModel.selectedProperty().addListener((observable, previous, broadcast) -> {
            funnel.show(broadcast);
            boolean channelChanged = broadcast != null && (previous == null || previous.channel() != broadcast.channel());
            if (channelChanged) {
                detailTabs.getSelectionModel().select(broadcast.channel() == ChannelKind.MESSAGES ? recipientsTab : batchesTab);
            }
        });
        funnel.show(viewModel.selectedProperty().get());
        copyHintLabel.textProperty().bind(Bindings.when(messages).then(bundle.getString("history.recipients.copyHint"))
                .otherwise(bundle.getString("history.copyHint")));
        RecipientsViewModel recipients = viewModel.recipients();
        replyTable.setItems(recipients.replies());
        repliesTab.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                bundle.getString("history.replies.title"), recipients.replies().size()), recipients.replies()));
        replyWhenColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(WHEN.format(row.getValue().receivedAt())));
        replyFromColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PhoneNumbers.forPeople(row.getValue().from())));
        replyNameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        replyEffectColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                bundle.getString("history.replies.effect." + row.getValue().effect().name().toLowerCase(Locale.ROOT))));
        replyBodyColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(PlainText.visible(row.getValue().body())));
        // F5 wherever the focus is while History shows (it may still be on the screen left)
        root.sceneProperty().addListener((observable, previous, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(CHECK_NOW, () -> {
                    if (root.getParent() != null && root.isVisible()) {
                        checkNow();
                    }
                });
            }
        });
    }

    @FXML
    private void checkNow() {
        checkNow.run();
        viewModel.tellChecking();
    }

    /**
     * Recipients per day, stacked by outcome, one bar a day labelled with its day of the month: the
     * accepted split by what Twilio's log said of them, then those refused and those uncertain.
     */
    private void showChart() {
        List<XYChart.Series<String, Number>> series = List.of(series("history.chart.delivered"), series("history.chart.notReached"),
                series("history.chart.sent"), series("history.chart.failed"), series("history.chart.uncertain"));
        for (DailyOutcome day : viewModel.lastThirtyDays()) {
            String label = DAY.format(day.day());
            long[] counts = {day.delivered(), day.notReached(), day.acceptedWithoutAnswer(), day.failed(), day.uncertain()};
            for (int i = 0; i < counts.length; i++) {
                series.get(i).getData().add(new XYChart.Data<>(label, counts[i]));
            }
        }
        dailyChart.getData().setAll(series);
    }

    private XYChart.Series<String, Number> series(String nameKey) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(bundle.getString(nameKey));
        return series;
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
    private void takeBack() {
        BroadcastSummary broadcast = viewModel.selectedProperty().get();
        if (viewModel.canTakeBack() && Dialogs.confirm(root, bundle.getString("history.takeBack.title"),
                MessageFormat.format(bundle.getString("history.takeBack.question"), broadcast.id(), broadcast.recipients(),
                        broadcast.schedule().words()), bundle.getString("history.takeBack"))) {
            viewModel.takeBack();
        }
    }

    @FXML
    private void resume() {
        viewModel.resumeQuote().ifPresent(send);
    }

    @FXML
    private void sendAgain() {
        RecipientOutcome recipient = recipientsController.chosenProperty().get();
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
        RecipientOutcome recipient = recipientsController.chosenProperty().get();
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

    private static boolean isShowing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }
}
