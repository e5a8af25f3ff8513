package app.herald.ui.importer;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.contacts.Country;
import app.herald.contacts.csv.CsvFormat;
import app.herald.contacts.csv.ImportReport;
import app.herald.contacts.csv.RejectedRow;
import app.herald.ui.common.CountryChoices;
import app.herald.ui.common.NoticeLabels;
import app.herald.ui.importer.ImportViewModel.Phase;
import java.io.File;
import java.nio.charset.Charset;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Wires the import dialog to its view model: one pane per phase, progress sampled ten times a second. */
public final class ImportController {

    private static final Duration SAMPLE_EVERY = Duration.millis(100);

    private final ImportViewModel viewModel;
    private final ResourceBundle bundle;
    private final Runnable close;

    @FXML private BorderPane root;
    @FXML private Label heading;
    @FXML private VBox readingPane;
    @FXML private VBox setupPane;
    @FXML private VBox runningPane;
    @FXML private VBox reportPane;
    @FXML private ComboBox<Charset> encodingBox;
    @FXML private ComboBox<Character> delimiterBox;
    @FXML private CheckBox headerBox;
    @FXML private TableView<String[]> previewTable;
    @FXML private ComboBox<String> phoneColumnBox;
    @FXML private ComboBox<String> nameColumnBox;
    @FXML private ComboBox<String> firstNameColumnBox;
    @FXML private ComboBox<String> lastNameColumnBox;
    @FXML private FlowPane keptPane;
    @FXML private ComboBox<Country> countryBox;
    @FXML private CheckBox landlinesBox;
    @FXML private ComboBox<String> listBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label rowsLabel;
    @FXML private Label doneLabel;
    @FXML private Label duplicatesLabel;
    @FXML private Label invalidLabel;
    @FXML private HBox landlinesRow;
    @FXML private Label landlinesLabel;
    @FXML private Label optedOutLabel;
    @FXML private Label rejectedCutLabel;
    @FXML private TableView<RejectedRow> rejectedTable;
    @FXML private TableColumn<RejectedRow, Number> rowColumn;
    @FXML private TableColumn<RejectedRow, String> valueColumn;
    @FXML private TableColumn<RejectedRow, String> reasonColumn;
    @FXML private Label noticeLabel;
    @FXML private Button saveRejectedButton;
    @FXML private Button cancelButton;
    @FXML private Button startImportButton;

    /** @param close closes the dialog's window */
    public ImportController(ImportViewModel viewModel, ResourceBundle bundle, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.bundle = Objects.requireNonNull(bundle);
        this.close = Objects.requireNonNull(close);
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fileProperty().get() == null ? ""
                : MessageFormat.format(bundle.getString("import.heading"), viewModel.fileProperty().get().getFileName()),
                viewModel.fileProperty()));
        bindPhases();
        bindFormat();
        bindPreview();
        bindColumnChoice(phoneColumnBox, viewModel.phoneColumnProperty());
        bindColumnChoice(nameColumnBox, viewModel.nameColumnProperty());
        bindColumnChoice(firstNameColumnBox, viewModel.firstNameColumnProperty());
        bindColumnChoice(lastNameColumnBox, viewModel.lastNameColumnProperty());
        CountryChoices.fill(countryBox);
        countryBox.valueProperty().bindBidirectional(viewModel.countryProperty());
        landlinesBox.selectedProperty().bindBidirectional(viewModel.includeLandlinesProperty());
        listBox.setItems(viewModel.listNames());
        listBox.getEditor().textProperty().bindBidirectional(viewModel.listNameProperty());
        bindProgress();
        bindReport();
        NoticeLabels.bind(noticeLabel, viewModel.noticeProperty());
    }

    private void bindPhases() {
        var phase = viewModel.phaseProperty();
        showOnlyWhen(readingPane, phase.isEqualTo(Phase.READING));
        showOnlyWhen(setupPane, phase.isEqualTo(Phase.SETUP));
        showOnlyWhen(runningPane, phase.isEqualTo(Phase.RUNNING));
        showOnlyWhen(reportPane, phase.isEqualTo(Phase.DONE));
        BooleanBinding beforeImport = phase.isEqualTo(Phase.READING).or(phase.isEqualTo(Phase.SETUP));
        showOnlyWhen(startImportButton, beforeImport);
        startImportButton.disableProperty().bind(viewModel.canImportBinding().not());
        cancelButton.textProperty().bind(Bindings.createStringBinding(() -> bundle.getString(switch (phase.get()) {
            case READING, SETUP -> "import.cancel";
            case RUNNING -> "import.cancelImport";
            case DONE -> "import.close";
        }), phase));
        cancelButton.defaultButtonProperty().bind(phase.isEqualTo(Phase.DONE));
        showOnlyWhen(saveRejectedButton, phase.isEqualTo(Phase.DONE).and(Bindings.createBooleanBinding(
                () -> viewModel.reportProperty().get() != null && !viewModel.reportProperty().get().rejected().isEmpty(),
                viewModel.reportProperty())));
    }

    private void bindFormat() {
        encodingBox.getItems().setAll(ImportViewModel.ENCODINGS);
        encodingBox.setConverter(converter(Charset::displayName));
        encodingBox.valueProperty().bindBidirectional(viewModel.encodingProperty());
        delimiterBox.getItems().setAll(CsvFormat.DELIMITERS);
        delimiterBox.setConverter(converter(this::delimiterName));
        delimiterBox.valueProperty().bindBidirectional(viewModel.delimiterProperty());
        headerBox.selectedProperty().bindBidirectional(viewModel.hasHeaderProperty());
    }

    private String delimiterName(char delimiter) {
        return bundle.getString(switch (delimiter) {
            case ';' -> "import.delimiter.semicolon";
            case '\t' -> "import.delimiter.tab";
            case '|' -> "import.delimiter.bar";
            default -> "import.delimiter.comma";
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }

    private void bindPreview() {
        previewTable.setItems(viewModel.previewRows());
        previewTable.setPlaceholder(new Label(""));
        viewModel.columnNames().addListener((ListChangeListener<String>) change -> {
            buildPreviewColumns();
            buildKeptChoices();
        });
        for (var mapped : List.of(viewModel.phoneColumnProperty(), viewModel.nameColumnProperty(),
                viewModel.firstNameColumnProperty(), viewModel.lastNameColumnProperty())) {
            mapped.addListener(observable -> buildKeptChoices());
        }
        viewModel.phoneColumnProperty().addListener((observable, previous, column) -> markPhoneColumn());
        buildPreviewColumns();
    }

    private void buildPreviewColumns() {
        List<String> names = List.copyOf(viewModel.columnNames());
        previewTable.getColumns().clear();
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            TableColumn<String[], String> tableColumn = new TableColumn<>(names.get(i));
            tableColumn.setSortable(false);
            tableColumn.setPrefWidth(165);
            tableColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    column < row.getValue().length ? row.getValue()[column] : ""));
            previewTable.getColumns().add(tableColumn);
        }
        markPhoneColumn();
    }

    /**
     * A tick per column that holds neither the number nor a name, to keep it with each contact for
     * personal messages, named as a message names it.
     */
    private void buildKeptChoices() {
        keptPane.getChildren().clear();
        for (int i = 0; i < viewModel.columnNames().size(); i++) {
            int column = i;
            if (viewModel.isMapped(column)) {
                viewModel.keep(column, false);
                continue;
            }
            CheckBox keep = new CheckBox(MessageFormat.format(bundle.getString("import.keep.column"),
                    viewModel.columnNames().get(i), viewModel.fieldNameOf(i)));
            keep.setId("keep" + i);
            keep.setSelected(viewModel.keptColumns().contains(i));
            keep.selectedProperty().addListener((observable, was, is) -> {
                viewModel.keep(column, is);
                keep.setSelected(viewModel.keptColumns().contains(column));
            });
            keptPane.getChildren().add(keep);
        }
    }

    private void markPhoneColumn() {
        for (int i = 0; i < previewTable.getColumns().size(); i++) {
            var styles = previewTable.getColumns().get(i).getStyleClass();
            styles.remove("phone-column");
            if (i == viewModel.phoneColumnProperty().get()) {
                styles.add("phone-column");
            }
        }
    }

    /** A choice of "(none)" or one of the columns, kept in step with the view model's column number. */
    private void bindColumnChoice(ComboBox<String> box, IntegerProperty column) {
        Runnable fill = () -> {
            List<String> choices = new ArrayList<>();
            choices.add(bundle.getString("import.noColumn"));
            choices.addAll(viewModel.columnNames());
            box.getItems().setAll(choices);
            box.getSelectionModel().select(column.get() + 1);
        };
        viewModel.columnNames().addListener((ListChangeListener<String>) change -> fill.run());
        fill.run();
        column.addListener((observable, previous, chosen) -> box.getSelectionModel().select(chosen.intValue() + 1));
        box.getSelectionModel().selectedIndexProperty().addListener((observable, previous, index) -> {
            if (index.intValue() >= 0) {
                column.set(index.intValue() - 1);
            }
        });
    }

    private void bindProgress() {
        Timeline sampler = new Timeline(new KeyFrame(SAMPLE_EVERY, event -> viewModel.sampleProgress()));
        sampler.setCycleCount(Timeline.INDEFINITE);
        viewModel.phaseProperty().addListener((observable, previous, phase) -> {
            if (phase == Phase.RUNNING) {
                sampler.play();
            } else {
                sampler.stop();
            }
        });
        progressBar.progressProperty().bind(viewModel.fractionProperty());
        rowsLabel.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                        bundle.getString("import.runningRows"), viewModel.rowsReadProperty().get(),
                        Math.round(viewModel.rowsPerSecondProperty().get())),
                viewModel.rowsReadProperty(), viewModel.rowsPerSecondProperty()));
    }

    private void bindReport() {
        rowColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().row()));
        valueColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().value()));
        reasonColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().reason()));
        reasonColumn.setCellFactory(column -> new TableCell<>() {
            {
                // reasons can be long (Excel's damage comes with advice): the whole text on hover. Made
                // when the mouse comes, not per row shown: a tooltip is a window of its own, and making
                // one for every visible row froze the window for tens of ms when the report appeared.
                setOnMouseEntered(event -> {
                    if (getTooltip() == null && getItem() != null) {
                        setTooltip(new Tooltip(getItem()));
                    }
                });
            }

            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                setText(empty ? null : reason);
                setTooltip(null);
            }
        });
        viewModel.reportProperty().addListener((observable, previous, report) -> showReport(report));
    }

    private void showReport(ImportReport report) {
        if (report == null) {
            return;
        }
        doneLabel.setText(MessageFormat.format(bundle.getString("import.done"), report.imported(),
                viewModel.importedIntoProperty().get(), report.rows()));
        duplicatesLabel.setText(MessageFormat.format(bundle.getString("import.duplicates"), report.duplicates()));
        invalidLabel.setText(MessageFormat.format(bundle.getString("import.invalid"), report.invalid()));
        landlinesLabel.setText(MessageFormat.format(bundle.getString("import.landlinesLeftOut"), report.landlines()));
        boolean landlinesLeft = report.landlines() > 0;
        landlinesRow.setVisible(landlinesLeft);
        landlinesRow.setManaged(landlinesLeft);
        optedOutLabel.setText(MessageFormat.format(bundle.getString("import.optedOut"), report.optedOut()));
        rejectedCutLabel.setText(report.rejectedListCut()
                ? MessageFormat.format(bundle.getString("import.rejectedCut"), report.rejected().size()) : "");
        rejectedTable.getItems().setAll(report.rejected());
    }

    @FXML
    private void startImport() {
        viewModel.start();
    }

    @FXML
    private void importLandlinesToo() {
        viewModel.importLandlinesToo();
    }

    /** Cancel asks a running import to stop (it then leaves the list as it was); otherwise it closes. */
    @FXML
    private void cancelOrClose() {
        if (viewModel.phaseProperty().get() == Phase.RUNNING) {
            viewModel.cancel();
        } else {
            close.run();
        }
    }

    @FXML
    private void saveRejected() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(bundle.getString("import.saveRejected.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(bundle.getString("lists.csvFiles"), "*.csv"));
        String file = viewModel.fileProperty().get().getFileName().toString();
        chooser.setInitialFileName(file.replaceFirst("\\.[^.]*$", "") + "-not-imported.csv");
        File target = chooser.showSaveDialog(root.getScene().getWindow());
        if (target != null) {
            viewModel.saveRejected(target.toPath());
        }
    }
}
