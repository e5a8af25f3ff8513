package app.herald.ui.shell;

import app.herald.broadcast.Quote;
import app.herald.contacts.Country;
import app.herald.contacts.RecipientList;
import app.herald.core.HeraldCore;
import app.herald.settings.UiPreferences;
import app.herald.storage.Database;
import app.herald.storage.SharedServer;
import app.herald.ui.common.Dialogs;
import app.herald.ui.common.FxmlViews;
import app.herald.ui.common.Tasks;
import app.herald.ui.compose.ComposeController;
import app.herald.ui.compose.ComposeViewModel;
import app.herald.ui.history.HistoryController;
import app.herald.ui.history.HistoryViewModel;
import app.herald.ui.history.RecipientsController;
import app.herald.ui.importer.ImportDialogs;
import app.herald.ui.importer.ImportViewModel;
import app.herald.ui.lists.ListsController;
import app.herald.ui.lists.ListsViewModel;
import app.herald.ui.lists.OptOutsController;
import app.herald.ui.lists.OptOutsViewModel;
import app.herald.ui.send.SendDialogs;
import app.herald.ui.send.SendViewModel;
import app.herald.ui.settings.DataPlaceViewModel;
import app.herald.ui.settings.SettingsController;
import app.herald.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each section's screen the first time it is shown, from the core's services. The import
 * and send dialogs live here too, since the Lists, Compose and History screens open them.
 */
public final class Screens implements ImportActions {

    private static final Logger LOG = LoggerFactory.getLogger(Screens.class);

    private final HeraldCore core;
    private final MainWindowViewModel window;
    private final Tasks tasks;
    private final ResourceBundle bundle;
    private final Supplier<Window> owner;
    private final List<String> stylesheets;
    private final UiPreferences preferences;

    private ListsViewModel lists;
    private ComposeViewModel compose;
    private HistoryViewModel history;
    private ImportDialogs importDialogs;
    private SendDialogs sendDialogs;

    public Screens(HeraldCore core, MainWindowViewModel window, Tasks tasks, ResourceBundle bundle, Supplier<Window> owner,
            List<String> stylesheets) {
        this.core = Objects.requireNonNull(core);
        this.window = Objects.requireNonNull(window);
        this.tasks = Objects.requireNonNull(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.owner = Objects.requireNonNull(owner);
        this.stylesheets = List.copyOf(stylesheets);
        this.preferences = core.settings().preferences();
    }

    /** The screen of a section; called once per section. */
    public Node build(Section section) {
        return switch (section) {
            case LISTS -> listsScreen();
            case COMPOSE -> composeScreen();
            case HISTORY -> historyScreen();
            case SETTINGS -> settingsScreen();
        };
    }

    private Node listsScreen() {
        lists = new ListsViewModel(core.lists(), core.contacts(), core.optOuts(), core.contactExporter(), tasks, bundle);
        OptOutsViewModel optOuts = new OptOutsViewModel(core.optOuts(), core.optOutImporter(), tasks, bundle,
                lists::optOutsChanged);
        FxmlViews views = new FxmlViews(bundle);
        Node optOutsView = views.load(ListsController.class.getResource("opt-outs.fxml"),
                new OptOutsController(optOuts, bundle, this::defaultCountry));
        return views.load(ListsController.class.getResource("lists.fxml"),
                new ListsController(lists, optOutsView, bundle, this::defaultCountry, this::chooseFile));
    }

    private Node composeScreen() {
        compose = new ComposeViewModel(core.lists(), core.audience(), core.broadcasts(), core.templates(),
                core.drafts(), preferences::price, tasks, bundle);
        return new FxmlViews(bundle).load(ComposeController.class.getResource("compose.fxml"),
                new ComposeController(compose, bundle, quote -> sendDialogs().open(owner.get(), quote)));
    }

    private Node historyScreen() {
        history = new HistoryViewModel(core.history(), core.recipients(), core.replies(), core.notReached(),
                core.broadcasts(), id -> core.cancelScheduled(id, done -> { }), tasks, bundle);
        Consumer<Quote> send = quote -> sendDialogs().open(owner.get(), quote);
        FxmlViews views = new FxmlViews(bundle);
        RecipientsController recipients = new RecipientsController(history.recipients(), bundle, send);
        Node recipientsView = views.load(HistoryController.class.getResource("recipients.fxml"), recipients);
        // what a check of Twilio's log learnt shows at once, wherever the window is
        core.statusFollower().onChecked(report -> Platform.runLater(() -> history.checked(report)));
        core.statusFollower().onProblem(problem -> Platform.runLater(() -> history.checkFailed(problem)));
        return views.load(HistoryController.class.getResource("history.fxml"),
                new HistoryController(history, bundle, send, recipientsView, recipients, core.statusFollower()::checkNow));
    }

    /** Another desktop changed lists, contacts, opt-outs or broadcasts: the screens built so far read them again. */
    public void othersChanged() {
        if (lists != null) {
            lists.othersChanged();
        }
        if (compose != null) {
            compose.refreshLists();
            compose.refreshTemplates();
        }
        if (history != null) {
            history.refresh();
        }
    }

    private Node settingsScreen() {
        SettingsViewModel settings = new SettingsViewModel(core.settings().twilio(), preferences,
                core.settings().environment(), core.twilio()::check, window.twilioChoiceProperty(), tasks, bundle);
        return new FxmlViews(bundle).load(SettingsController.class.getResource("settings.fxml"),
                new SettingsController(settings, () -> new DataPlaceViewModel(core.settings().database(), Database::check,
                        core::copyDataTo, core.sharedServer().map(SharedServer::where), tasks, Platform::runLater, bundle),
                        bundle));
    }

    private SendDialogs sendDialogs() {
        if (sendDialogs == null) {
            sendDialogs = new SendDialogs(quote -> new SendViewModel(quote,
                    () -> core.settings().twilio().load().ownNumberIfSet(), preferences.quietHours(), core.broadcasts(), tasks,
                    core.sender(),
                    Platform::runLater, System::nanoTime, bundle), bundle, stylesheets);
        }
        return sendDialogs;
    }

    /**
     * Once the data is open: when a broadcast was interrupted, or has batches nobody knows went
     * out, say so at once and offer the History, where the person decides.
     */
    public void pointOutInterruptedBroadcasts() {
        tasks.run(core.history()::anyNeedsAPerson)
                .onSuccess(interrupted -> {
                    if (interrupted && Dialogs.confirm(owner.get().getScene().getRoot(), bundle.getString("history.title"),
                            bundle.getString("history.interrupted.startup"), bundle.getString("history.open"))) {
                        window.show(Section.HISTORY);
                    }
                })
                .onError(problem -> LOG.warn("Could not look for interrupted broadcasts", problem))
                .start();
    }

    /** The country of numbers without a country code, as the command line takes it: Settings, else this computer's. */
    private Country defaultCountry() {
        return core.settings().defaultCountry().orElse(null);
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
            importDialogs = new ImportDialogs(
                    () -> new ImportViewModel(core.contactImporter(), tasks, bundle, this::rememberCountry,
                            lists::refreshAndSelect, System::nanoTime),
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
