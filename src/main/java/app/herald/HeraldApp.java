package app.herald;

import app.herald.broadcast.Journal;
import app.herald.concurrent.NamedExecutors;
import app.herald.settings.DataFolder;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.settings.TwilioSettingsStore;
import app.herald.settings.UiPreferences;
import app.herald.storage.Storage;
import app.herald.ui.common.FxmlViews;
import app.herald.ui.common.Tasks;
import app.herald.ui.common.Theme;
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

/** The composition root: builds Herald's parts, hands each its dependencies, and closes them on exit. */
public final class HeraldApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldApp.class);

    /** The argument that runs {@link #selfTest()}. */
    public static final String SELF_TEST = SelfTest.OPTION;

    private final Map<String, String> environment;
    private DataFolder dataFolder;
    private UiPreferences preferences;
    private TwilioSettingsStore twilioSettings;
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
        preferences = UiPreferences.load(dataFolder.uiPreferences());
        twilioSettings = TwilioSettingsStore.open(dataFolder, environment);
        twilioChoice = chooseTwilio();
        LOG.info("Herald {} starting; data folder {}", Version.current(), dataFolder.path());
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        workers = NamedExecutors.fixedPool("herald-worker", 2);
        Tasks tasks = new Tasks(workers, Platform::runLater);
        ResourceBundle bundle = ResourceBundle.getBundle("app.herald.ui.messages");

        viewModel = new MainWindowViewModel(twilioChoice, dataFolder, tasks, this::openStorage);
        viewModel.darkThemeProperty().set(preferences.darkTheme());
        Theme.apply(preferences.darkTheme());
        viewModel.darkThemeProperty().addListener((observable, wasDark, dark) -> {
            Theme.apply(dark);
            preferences.setDarkTheme(dark);
        });

        List<String> stylesheets = List.of(HeraldApp.class.getResource("ui/herald.css").toExternalForm());
        screens = new Screens(viewModel, tasks, bundle, preferences, twilioSettings, () -> stage, stylesheets, environment);
        MainWindowController controller = new MainWindowController(viewModel, screens::build, screens, stage::close, bundle);
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
    }

    /**
     * Starts Herald, waits until its data is open and its window shows, closes it, and returns the
     * exit code: 0 when it worked, else non-zero with the reason on standard error.
     */
    public static int selfTest() {
        try {
            launch(HeraldApp.class, SELF_TEST);
            return SelfTest.exitCode();
        } catch (RuntimeException | LinkageError e) {
            // no display, a native library that does not load: JavaFX fails before any window
            System.err.println("Herald self-test FAILED: JavaFX could not start: " + e);
            return SelfTest.FAILED;
        }
    }

    /** Damaged Twilio settings must not keep Herald from starting: it then simulates, and says why in the log. */
    private TwilioChoice chooseTwilio() {
        try {
            return twilioSettings.choice(environment);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the Twilio settings; sending is simulated", e);
            return TwilioChoice.SIMULATION;
        }
    }

    /**
     * Opens the data folder; a batch that a dead Herald left IN_FLIGHT may have been sent, so it is
     * marked UNCERTAIN before any screen can offer to send it.
     */
    private Storage openStorage() {
        Storage storage = Storage.open(dataFolder);
        new Journal(storage.jdbi()).recoverInterrupted();
        return storage;
    }

    /** What a contact file dropped on the window does: the import dialog opens on it. Call on the FX thread. */
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
        Storage storage = viewModel == null ? null : viewModel.storageProperty().get();
        if (screens != null) {
            screens.close();
        }
        // only the Herald that holds the data folder writes to it: a turned-away second one must not
        if (storage != null) {
            savePreferences();
            closeStorage(storage);
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

    private static void closeStorage(Storage storage) {
        try {
            storage.close();
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
