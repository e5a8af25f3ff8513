package app.herald;

import app.herald.concurrent.NamedExecutors;
import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.settings.UiPreferences;
import app.herald.storage.SharedServer;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.FxmlViews;
import app.herald.ui.common.Tasks;
import app.herald.ui.common.Theme;
import app.herald.ui.shell.ImportActions;
import app.herald.ui.shell.MainWindowController;
import app.herald.ui.shell.MainWindowViewModel;
import app.herald.ui.shell.Screens;
import app.herald.ui.shell.SelfTest;
import app.herald.ui.shell.WindowPlacements;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the window: reads this computer's settings, opens Herald's core (the
 * same {@link HeraldCore} the command line opens), builds the screens on it, and closes it all on
 * exit.
 */
public final class HeraldApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldApp.class);

    /** The argument that runs {@link #selfTest()}. */
    public static final String SELF_TEST = SelfTest.OPTION;

    private final Map<String, String> environment;
    private DataFolder dataFolder;
    private LocalSettings settings;
    private UiPreferences preferences;
    private TwilioChoice twilioChoice;
    private ExecutorService workers;
    private MainWindowViewModel viewModel;
    private Screens screens;
    private Stage stage;

    /** Used by {@link Application#launch}: the process environment decides data folder and mode. */
    public HeraldApp() {
        this(System.getenv());
    }

    public HeraldApp(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs before the window exists, off the FX thread: the place for file reads the window needs. */
    @Override
    public void init() {
        dataFolder = DataFolder.fromEnvironment(environment);
        settings = LocalSettings.load(dataFolder, environment);
        preferences = settings.preferences();
        twilioChoice = settings.twilioChoice();
        LOG.info("Herald {} starting; data folder {}", Version.current(), dataFolder.path());
    }

    /** On a shared server: what other desktops change shows here, and the status bar says when the server stops answering. */
    private void followOtherDesktops(HeraldCore core) {
        viewModel.sharedData(core.sharedServer().map(SharedServer::where).orElse(null));
        core.changes().onChange(() -> Platform.runLater(screens::othersChanged));
        core.changes().onConnection(problem -> Platform.runLater(() -> viewModel.sharedDataProblem(problem.orElse(""))));
        // the feed may have lost the server before it was listened to
        viewModel.sharedDataProblem(core.changes().problem().orElse(""));
    }

    /** Reads Twilio's log for statuses and replies while the window is open; the status bar says when it last did. */
    private void followStatuses(HeraldCore core) {
        core.statusFollower().onChecked(report -> Platform.runLater(() -> viewModel.logChecked(report.checkedAt())));
        core.statusFollower().onProblem(problem -> Platform.runLater(() -> viewModel.logCheckFailed(problem)));
        core.statusFollower().start();
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        workers = NamedExecutors.fixedPool("herald-worker", 2);
        Tasks tasks = new Tasks(workers, Platform::runLater);
        ResourceBundle bundle = ResourceBundle.getBundle("app.herald.ui.messages");

        viewModel = new MainWindowViewModel(twilioChoice, dataFolder, tasks, () -> HeraldCore.open(settings, twilioChoice));
        viewModel.darkThemeProperty().set(preferences.darkTheme());
        Theme.apply(preferences.darkTheme());
        viewModel.darkThemeProperty().addListener((observable, wasDark, dark) -> {
            Theme.apply(dark);
            preferences.setDarkTheme(dark);
        });

        List<String> stylesheets = List.of(HeraldApp.class.getResource("ui/herald.css").toExternalForm());
        // the screens are built on the core, which is set before the state turns READY
        viewModel.coreProperty().addListener((observable, none, core) -> {
            screens = new Screens(core, viewModel, tasks, bundle, () -> stage, stylesheets);
            viewModel.twilioChoiceProperty().addListener((changed, previous, chosen) -> core.twilio().choose(chosen));
            core.reconcileInBackground();
            core.backUpDailyInBackground();
            followStatuses(core);
            followOtherDesktops(core);
        });
        ImportActions imports = new ImportActions() {
            @Override
            public void chooseFile() {
                screens.chooseFile();
            }

            @Override
            public void open(Path file) {
                importFile(file);
            }
        };
        MainWindowController controller = new MainWindowController(viewModel, section -> screens.build(section), imports,
                stage::close, bundle);
        Parent root = new FxmlViews(bundle).load(HeraldApp.class.getResource("ui/shell/main-window.fxml"), controller);
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);

        stage.titleProperty().bind(Bindings.when(viewModel.modeBinding().isEqualTo(Mode.SIMULATION))
                .then("Herald \u2014 SIMULATION").otherwise("Herald"));
        stage.getIcons().setAll(icons());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        WindowPlacements.apply(preferences.windowPlacement(), stage);
        stage.show();
        if (getParameters().getRaw().contains(SELF_TEST)) {
            SelfTest.watch(stage, viewModel);
        }
        viewModel.storageStateProperty().addListener((observable, previous, state) -> {
            if (state == MainWindowViewModel.StorageState.READY) {
                screens.pointOutInterruptedBroadcasts();
            }
        });
        viewModel.openStorage();
        // what loading the settings found and fixed (a secret others could read): the person must know
        settings.warnings().forEach(warning -> Platform.runLater(() ->
                Dialogs.warn(stage.getScene().getRoot(), bundle.getString("warning.title"), warning)));
    }

    /**
     * Starts Herald, waits until its data is open and its window shows, closes it, and returns the
     * verdict: exit code 0 when it worked, else non-zero, with the line that says why.
     */
    public static SelfTest.Verdict selfTest() {
        try {
            launch(HeraldApp.class, SELF_TEST);
            return SelfTest.verdict();
        } catch (RuntimeException | LinkageError e) {
            // no display, a native library that does not load: JavaFX fails before any window
            return new SelfTest.Verdict(SelfTest.FAILED, "Herald self-test FAILED: JavaFX could not start: " + e);
        }
    }

    /**
     * What a contact file dropped on the window does, and the way tests drop one: the import
     * dialog opens on it. Call on the FX thread, once the data is open.
     */
    public void importFile(Path file) {
        screens.open(file);
    }

    private static List<Image> icons() {
        return Stream.of(16, 32, 48, 64, 128, 256)
                .map(size -> new Image(HeraldApp.class.getResource("icons/herald-" + size + ".png").toExternalForm()))
                .toList();
    }

    @Override
    public void stop() {
        HeraldCore core = viewModel == null ? null : viewModel.coreProperty().get();
        // only the Herald that holds the data folder writes to it: a turned-away second one must not
        if (core != null) {
            savePreferences();
            closeCore(core);
        }
        shutDownWorkers();
        LOG.info("Herald stopped");
    }

    private void savePreferences() {
        preferences.setWindowPlacement(WindowPlacements.capture(stage, preferences.windowPlacement()));
        try {
            preferences.save();
        } catch (IOException e) {
            LOG.warn("Could not save the window placement", e);
        }
    }

    /** Pauses a send in progress after the batch on its way, stops the simulator, closes the data. */
    private static void closeCore(HeraldCore core) {
        try {
            core.close();
        } catch (IOException e) {
            LOG.warn("Could not release the data folder lock", e);
        }
    }

    private void shutDownWorkers() {
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit: {}", workers.shutdownNow());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
