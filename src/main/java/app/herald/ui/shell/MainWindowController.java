package app.herald.ui.shell;

import static app.herald.ui.common.Nodes.showOnlyWhen;

import app.herald.Version;
import app.herald.settings.Mode;
import app.herald.ui.shell.MainWindowViewModel.StorageState;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Wires the main window's nodes to its view model; holds no state of its own but the built screens. */
public final class MainWindowController {

    private final MainWindowViewModel viewModel;
    private final Function<Section, Node> screens;
    private final ImportActions imports;
    private final Runnable quit;
    private final ResourceBundle bundle;
    private final Map<Section, Node> builtScreens = new EnumMap<>(Section.class);

    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CHECK_TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    @FXML private BorderPane root;
    @FXML private HBox simulationBanner;
    @FXML private VBox navigation;
    @FXML private ToggleButton navLists;
    @FXML private ToggleButton navCompose;
    @FXML private ToggleButton navHistory;
    @FXML private ToggleButton navSettings;
    @FXML private MenuItem importItem;
    @FXML private MenuItem showListsItem;
    @FXML private MenuItem showComposeItem;
    @FXML private MenuItem showHistoryItem;
    @FXML private MenuItem showSettingsItem;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private VBox openingPane;
    @FXML private VBox problemPane;
    @FXML private Label problemText;
    @FXML private Button restoreButton;
    @FXML private StackPane sectionHost;
    @FXML private Label modeLabel;
    @FXML private Label dataFolderLabel;
    @FXML private Label storageLabel;
    @FXML private Label logCheckLabel;

    public MainWindowController(MainWindowViewModel viewModel, Function<Section, Node> screens, ImportActions imports,
            Runnable quit, ResourceBundle bundle) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.screens = Objects.requireNonNull(screens);
        this.imports = Objects.requireNonNull(imports);
        this.quit = Objects.requireNonNull(quit);
        this.bundle = Objects.requireNonNull(bundle);
    }

    @FXML
    private void initialize() {
        bindMode();
        BooleanBinding ready = bindStorageState();
        bindNavigation();
        acceptDroppedFiles(ready);
        darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        bindDataPlace();
        bindLogCheck();
    }

    /** Where the data is: this computer's folder, or the shared server, and whether that answers. */
    private void bindDataPlace() {
        var shared = viewModel.sharedDataProperty();
        var problem = viewModel.sharedDataProblemProperty();
        dataFolderLabel.textProperty().bind(Bindings.createStringBinding(() -> !problem.get().isEmpty() ? problem.get()
                : shared.get() == null ? MessageFormat.format(bundle.getString("status.dataFolder"), viewModel.dataFolder().path())
                : MessageFormat.format(bundle.getString("status.sharedData"), shared.get()), shared, problem));
        problem.addListener((observable, previous, now) -> {
            dataFolderLabel.getStyleClass().remove("problem");
            if (!now.isEmpty()) {
                dataFolderLabel.getStyleClass().add("problem");
            }
        });
    }

    /** When Twilio's log was last read for statuses and replies, or why it could not be. */
    private void bindLogCheck() {
        var check = viewModel.lastLogCheckProperty();
        logCheckLabel.textProperty().bind(Bindings.createStringBinding(() -> check.get() == null ? ""
                : check.get().problem() == null
                        ? MessageFormat.format(bundle.getString("status.logChecked"), CHECK_TIME.format(check.get().at()))
                        : MessageFormat.format(bundle.getString("status.logProblem"), check.get().problem()), check));
        check.addListener((observable, previous, now) -> {
            logCheckLabel.getStyleClass().remove("problem");
            if (now != null && now.problem() != null) {
                logCheckLabel.getStyleClass().add("problem");
            }
        });
    }

    /** The SIMULATION banner shows whenever Herald simulates, and cannot be closed. */
    private void bindMode() {
        BooleanBinding simulation = viewModel.modeBinding().isEqualTo(Mode.SIMULATION);
        showOnlyWhen(simulationBanner, simulation);
        modeLabel.textProperty().bind(Bindings.when(simulation)
                .then(bundle.getString("mode.status.simulation")).otherwise(bundle.getString("mode.status.live")));
        simulation.addListener((observable, was, is) -> styleModeLabel(is));
        styleModeLabel(simulation.get());
    }

    private void styleModeLabel(boolean simulation) {
        modeLabel.getStyleClass().removeAll("mode-simulation", "mode-live");
        modeLabel.getStyleClass().add(simulation ? "mode-simulation" : "mode-live");
    }

    private BooleanBinding bindStorageState() {
        var state = viewModel.storageStateProperty();
        BooleanBinding ready = state.isEqualTo(StorageState.READY);
        showOnlyWhen(openingPane, state.isEqualTo(StorageState.OPENING));
        showOnlyWhen(problemPane, state.isEqualTo(StorageState.FAILED));
        showOnlyWhen(sectionHost, ready);
        navigation.disableProperty().bind(ready.not());
        for (MenuItem item : new MenuItem[] {importItem, showListsItem, showComposeItem, showHistoryItem, showSettingsItem}) {
            item.disableProperty().bind(ready.not());
        }
        problemText.textProperty().bind(viewModel.storageProblemProperty());
        showOnlyWhen(restoreButton, viewModel.restorableProperty().isNotNull());
        restoreButton.textProperty().bind(Bindings.createStringBinding(() -> viewModel.restorableProperty().get() == null ? ""
                : MessageFormat.format(bundle.getString("storage.problem.restore"),
                        BACKUP_TIME.format(viewModel.restorableProperty().get().made())), viewModel.restorableProperty()));
        storageLabel.textProperty().bind(Bindings.createStringBinding(
                () -> bundle.getString(switch (state.get()) {
                    case OPENING -> "storage.opening";
                    case READY -> "storage.ready";
                    case FAILED -> "storage.failed";
                }),
                state));
        ready.addListener((observable, wasReady, isReady) -> showSection(viewModel.sectionProperty().get()));
        return ready;
    }

    /** A contact file dropped anywhere on the window opens the import dialog on it. */
    private void acceptDroppedFiles(BooleanBinding ready) {
        root.setOnDragOver(event -> {
            if (ready.get() && event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            boolean taken = ready.get() && event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1;
            if (taken) {
                Path file = event.getDragboard().getFiles().get(0).toPath();
                // after the drop has finished: a dialog opened inside the drop handler would hold the drag
                Platform.runLater(() -> imports.open(file));
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }

    private void bindNavigation() {
        Map<Section, ToggleButton> buttons = new EnumMap<>(Map.of(
                Section.LISTS, navLists,
                Section.COMPOSE, navCompose,
                Section.HISTORY, navHistory,
                Section.SETTINGS, navSettings));
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((section, button) -> {
            button.setToggleGroup(group);
            button.setUserData(section);
        });
        group.selectedToggleProperty().addListener((observable, previous, selected) -> {
            if (selected == null) {
                // a click on the selected section would leave none selected: keep it
                group.selectToggle(previous);
            } else {
                viewModel.show((Section) selected.getUserData());
            }
        });
        viewModel.sectionProperty().addListener((observable, previous, section) -> {
            group.selectToggle(buttons.get(section));
            showSection(section);
        });
        group.selectToggle(buttons.get(viewModel.sectionProperty().get()));
    }

    private void showSection(Section section) {
        if (viewModel.storageStateProperty().get() == StorageState.READY) {
            sectionHost.getChildren().setAll(builtScreens.computeIfAbsent(section, screens));
        }
    }

    @FXML
    private void importFile() {
        imports.chooseFile();
    }

    @FXML
    private void showLists() {
        viewModel.show(Section.LISTS);
    }

    @FXML
    private void showCompose() {
        viewModel.show(Section.COMPOSE);
    }

    @FXML
    private void showHistory() {
        viewModel.show(Section.HISTORY);
    }

    @FXML
    private void showSettings() {
        viewModel.show(Section.SETTINGS);
    }

    @FXML
    private void restoreBackup() {
        viewModel.restoreAndOpen();
    }

    @FXML
    private void quit() {
        quit.run();
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(bundle.getString("about.title"));
        alert.setHeaderText(MessageFormat.format(bundle.getString("about.header"), Version.current()));
        alert.setContentText(MessageFormat.format(bundle.getString("about.text"),
                bundle.getString(viewModel.modeBinding().get() == Mode.SIMULATION ? "mode.simulation" : "mode.live"),
                viewModel.dataFolder().path(),
                System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version")));
        alert.getDialogPane().setId("aboutDialog");
        alert.show();
    }
}
