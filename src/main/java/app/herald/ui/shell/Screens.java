package app.herald.ui.shell;

import app.herald.broadcast.BroadcastPlanner;
import app.herald.broadcast.BroadcastSummary;
import app.herald.broadcast.Broadcasts;
import app.herald.broadcast.Journal;
import app.herald.concurrent.NamedExecutors;
import app.herald.contacts.Audience;
import app.herald.contacts.Contacts;
import app.herald.contacts.Country;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ContactExporter;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.OptOutImporter;
import app.herald.message.DraftStore;
import app.herald.message.Templates;
import app.herald.settings.TwilioSettingsStore;
import app.herald.settings.UiPreferences;
import app.herald.storage.Storage;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioNotifyGateway;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.FxmlViews;
import app.herald.ui.common.Tasks;
import app.herald.ui.compose.ComposeController;
import app.herald.ui.compose.ComposeViewModel;
import app.herald.ui.history.HistoryController;
import app.herald.ui.history.HistoryViewModel;
import app.herald.ui.importer.ImportDialogs;
import app.herald.ui.importer.ImportViewModel;
import app.herald.ui.lists.ListsController;
import app.herald.ui.lists.ListsViewModel;
import app.herald.ui.lists.OptOutsController;
import app.herald.ui.lists.OptOutsViewModel;
import app.herald.ui.send.SendDialogs;
import app.herald.ui.send.SendViewModel;
import app.herald.ui.settings.SettingsController;
import app.herald.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each section's screen the first time it is shown, once Herald's data is open, and hands
 * each its parts. The import dialog lives here too, since it feeds the Lists screen.
 */
public final class Screens implements ImportActions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Screens.class);
    /** "Test connection" is a person waiting for one small answer. */
    private static final Duration TEST_CONNECTION_TIMEOUT = Duration.ofSeconds(20);

    private final MainWindowViewModel window;
    private final Tasks tasks;
    private final ResourceBundle bundle;
    private final UiPreferences preferences;
    private final Supplier<Window> owner;
    private final List<String> stylesheets;

    private final Map<String, String> environment;
    private final ExecutorService sender = NamedExecutors.fixedPool("herald-sender", 1);
    private ListsViewModel lists;
    private ImportDialogs importDialogs;
    private SendDialogs sendDialogs;
    private TwilioConnection twilio;
    private final List<TwilioConnection> retired = new ArrayList<>();
    private final TwilioSettingsStore twilioSettings;

    /** @param environment where Twilio credentials and HERALD_TWILIO_BASE_URL are read */
    public Screens(MainWindowViewModel window, Tasks tasks, ResourceBundle bundle, UiPreferences preferences,
            TwilioSettingsStore twilioSettings, Supplier<Window> owner, List<String> stylesheets,
            Map<String, String> environment) {
        this.window = Objects.requireNonNull(window);
        this.tasks = Objects.requireNonNull(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.preferences = Objects.requireNonNull(preferences);
        this.owner = Objects.requireNonNull(owner);
        this.stylesheets = List.copyOf(stylesheets);
        this.environment = Map.copyOf(environment);
        this.twilioSettings = Objects.requireNonNull(twilioSettings);
        window.twilioChoiceProperty().addListener((observable, previous, chosen) -> retireConnection());
    }

    /** The screen of a section; called once per section, after the data has opened. */
    public Node build(Section section) {
        return switch (section) {
            case LISTS -> listsScreen();
            case COMPOSE -> composeScreen();
            case HISTORY -> historyScreen();
            case SETTINGS -> settingsScreen();
        };
    }

    private Jdbi jdbi() {
        Storage storage = Objects.requireNonNull(window.storageProperty().get(), "Herald's data is not open yet");
        return storage.jdbi();
    }

    private Node listsScreen() {
        Jdbi jdbi = jdbi();
        lists = new ListsViewModel(new RecipientLists(jdbi), new Contacts(jdbi), new OptOuts(jdbi),
                new ContactExporter(jdbi), tasks, bundle);
        OptOutsViewModel optOuts = new OptOutsViewModel(new OptOuts(jdbi), new OptOutImporter(jdbi), tasks, bundle,
                lists::optOutsChanged);
        FxmlViews views = new FxmlViews(bundle);
        Node optOutsView = views.load(ListsController.class.getResource("opt-outs.fxml"),
                new OptOutsController(optOuts, bundle, this::defaultCountry));
        return views.load(ListsController.class.getResource("lists.fxml"),
                new ListsController(lists, optOutsView, bundle, this::defaultCountry, this::chooseFile));
    }

    private Node composeScreen() {
        Jdbi jdbi = jdbi();
        ComposeViewModel compose = new ComposeViewModel(new RecipientLists(jdbi), new Audience(jdbi), new Templates(jdbi),
                new DraftStore(window.dataFolder().draft()), preferences::price, tasks, bundle);
        return new FxmlViews(bundle).load(ComposeController.class.getResource("compose.fxml"),
                new ComposeController(compose, bundle, plan -> sendDialogs().open(owner.get(), plan)));
    }

    private Node historyScreen() {
        Jdbi jdbi = jdbi();
        HistoryViewModel history = new HistoryViewModel(new Broadcasts(jdbi), new Journal(jdbi), tasks, bundle);
        return new FxmlViews(bundle).load(HistoryController.class.getResource("history.fxml"),
                new HistoryController(history, bundle, plan -> sendDialogs().open(owner.get(), plan)));
    }

    private Node settingsScreen() {
        SettingsViewModel settings = new SettingsViewModel(twilioSettings, preferences, environment,
                credentials -> new TwilioNotifyGateway(credentials, TwilioNotifyGateway.baseUrl(environment),
                        TEST_CONNECTION_TIMEOUT),
                window.twilioChoiceProperty(), tasks, bundle);
        return new FxmlViews(bundle).load(SettingsController.class.getResource("settings.fxml"),
                new SettingsController(settings, bundle));
    }

    private SendDialogs sendDialogs() {
        if (sendDialogs == null) {
            Jdbi jdbi = jdbi();
            sendDialogs = new SendDialogs(plan -> new SendViewModel(plan, () -> twilioSettings.load().ownNumberIfSet(),
                    new BroadcastPlanner(jdbi), new Journal(jdbi), twilio(), tasks, sender, Platform::runLater,
                    System::nanoTime, bundle), bundle, stylesheets);
        }
        return sendDialogs;
    }

    /**
     * Twilio, or the simulator started here, as chosen now: opened at the first send and kept
     * until the choice changes in Settings.
     */
    private TwilioConnection twilio() {
        if (twilio == null) {
            twilio = TwilioConnection.open(window.twilioChoiceProperty().get(), environment);
        }
        return twilio;
    }

    /**
     * The next send uses the new choice. A send still running keeps its connection (its simulator
     * must not stop under it), so the old one is only closed when Herald closes.
     */
    private void retireConnection() {
        if (twilio != null) {
            retired.add(twilio);
            twilio = null;
        }
    }

    /**
     * Pauses a send in progress after the batch on its way (its answer is journalled first), then
     * stops the simulator. Call before the data closes.
     */
    @Override
    public void close() {
        sender.shutdownNow();
        try {
            if (!sender.awaitTermination(70, TimeUnit.SECONDS)) {
                LOG.warn("A batch was still on its way at exit; it will be UNCERTAIN at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retireConnection();
        retired.forEach(TwilioConnection::close);
    }

    /**
     * Once the data is open: when a broadcast was interrupted, or has batches nobody knows went
     * out, say so at once and offer the History, where the person decides.
     */
    public void pointOutInterruptedBroadcasts() {
        Broadcasts broadcasts = new Broadcasts(jdbi());
        tasks.run(() -> broadcasts.all().stream().anyMatch(BroadcastSummary::needsAPerson))
                .onSuccess(interrupted -> {
                    if (interrupted && Dialogs.confirm(owner.get().getScene().getRoot(), bundle.getString("history.title"),
                            bundle.getString("history.interrupted.startup"), bundle.getString("history.open"))) {
                        window.show(Section.HISTORY);
                    }
                })
                .onError(problem -> LOG.warn("Could not look for interrupted broadcasts", problem))
                .start();
    }

    private Country defaultCountry() {
        return preferences.defaultCountry().orElse(null);
    }

    private void rememberCountry(Country country) {
        preferences.setDefaultCountry(country);
        tasks.run(() -> {
            preferences.save();
            return country;
        }).onError(e -> LOG.warn("Could not remember the default country", e)).start();
    }

    @Override
    public void chooseFile() {
        showLists();
        importDialogs().chooseAndOpen(owner.get(), suggestedList(), listNames());
    }

    @Override
    public void open(Path file) {
        showLists();
        importDialogs().open(owner.get(), file, suggestedList(), listNames());
    }

    /** The Lists screen is where an import's list shows, so it is built and shown first. */
    private void showLists() {
        window.show(Section.LISTS);
    }

    private ImportDialogs importDialogs() {
        if (importDialogs == null) {
            ContactImporter importer = new ContactImporter(jdbi());
            importDialogs = new ImportDialogs(
                    () -> new ImportViewModel(importer, tasks, bundle, this::rememberCountry, lists::refreshAndSelect,
                            System::nanoTime),
                    bundle, this::defaultCountry, stylesheets);
        }
        return importDialogs;
    }

    private String suggestedList() {
        RecipientList selected = lists.selectedProperty().get();
        return selected == null ? "" : selected.name();
    }

    private List<String> listNames() {
        return lists.lists().stream().map(RecipientList::name).toList();
    }
}
