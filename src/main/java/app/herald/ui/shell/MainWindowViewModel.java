package app.herald.ui.shell;

import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.Mode;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Backups;
import app.herald.storage.InstanceLock;
import app.herald.storage.StorageException;
import app.herald.ui.common.Tasks;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window's state: which section shows, whether Herald's data is open, the mode, the theme. */
public final class MainWindowViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    /** Herald's data opens in the background; the window shows each of these states. */
    public enum StorageState {
        OPENING,
        READY,
        FAILED
    }

    private final ObjectProperty<TwilioChoice> twilioChoice = new SimpleObjectProperty<>();
    private final ObjectBinding<Mode> mode = Bindings.createObjectBinding(() -> twilioChoice.get().mode(), twilioChoice);
    private final DataFolder dataFolder;
    private final Tasks tasks;
    private final Callable<HeraldCore> coreOpener;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.LISTS);
    private final ReadOnlyObjectWrapper<StorageState> storageState = new ReadOnlyObjectWrapper<>(StorageState.OPENING);
    private final ReadOnlyStringWrapper storageProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HeraldCore> core = new ReadOnlyObjectWrapper<>();
    /** The newest backup that can be read, when the data could not be opened and a backup can take its place. */
    private final ReadOnlyObjectWrapper<Backups.Backup> restorable = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<LogCheck> lastLogCheck = new ReadOnlyObjectWrapper<>();
    /** Where the shared data is ("db.office.lan:5432/herald"), or null when it is in this computer's file. */
    private final ReadOnlyStringWrapper sharedData = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper sharedDataProblem = new ReadOnlyStringWrapper("");

    /** The last read of Twilio's log: when, and the problem that stopped it (null when none). */
    public record LogCheck(Instant at, String problem) {
    }

    /** @param coreOpener opens Herald's data and builds its core on it */
    public MainWindowViewModel(TwilioChoice twilioChoice, DataFolder dataFolder, Tasks tasks, Callable<HeraldCore> coreOpener) {
        this.twilioChoice.set(Objects.requireNonNull(twilioChoice));
        this.dataFolder = Objects.requireNonNull(dataFolder);
        this.tasks = Objects.requireNonNull(tasks);
        this.coreOpener = Objects.requireNonNull(coreOpener);
    }

    /** Opens Herald's data off the UI thread; the state says when it is ready or why it is not. */
    public void openStorage() {
        storageState.set(StorageState.OPENING);
        tasks.run(coreOpener)
                .onSuccess(opened -> {
                    // the core first: what READY sets off builds screens on it
                    core.set(opened);
                    storageState.set(StorageState.READY);
                })
                .onError(e -> {
                    LOG.error("Herald's data could not be opened", e);
                    storageProblem.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    storageState.set(StorageState.FAILED);
                    if (e instanceof StorageException refused && refused.backupCanHelp()) {
                        findABackup();
                    }
                })
                .start();
    }

    private void findABackup() {
        tasks.run(() -> backups().newestGood())
                .onSuccess(newest -> restorable.set(newest.orElse(null)))
                .start();
    }

    private Backups backups() {
        return Backups.of(dataFolder.database());
    }

    /** Puts {@link #restorableProperty()}'s backup in the place of the data (the data it replaces is kept), then opens it. */
    public void restoreAndOpen() {
        Backups.Backup backup = restorable.get();
        if (backup == null) {
            return;
        }
        restorable.set(null);
        storageState.set(StorageState.OPENING);
        tasks.run(() -> {
                    try (InstanceLock lock = InstanceLock.acquire(dataFolder.lockFile())) {
                        return backups().restore(backup.file());
                    }
                })
                .onSuccess(aside -> openStorage())
                .onError(e -> {
                    LOG.error("The backup could not be restored", e);
                    storageProblem.set(e.getMessage() == null ? e.toString() : e.getMessage());
                    storageState.set(StorageState.FAILED);
                })
                .start();
    }

    public ReadOnlyObjectProperty<Backups.Backup> restorableProperty() {
        return restorable.getReadOnlyProperty();
    }

    public void show(Section target) {
        section.set(Objects.requireNonNull(target));
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyObjectProperty<StorageState> storageStateProperty() {
        return storageState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storageProblemProperty() {
        return storageProblem.getReadOnlyProperty();
    }

    /** Herald's core on its open data once {@link StorageState#READY}, else null. */
    public ReadOnlyObjectProperty<HeraldCore> coreProperty() {
        return core.getReadOnlyProperty();
    }

    /** Twilio's log was read at this time. */
    public void logChecked(Instant at) {
        lastLogCheck.set(new LogCheck(at, null));
    }

    /** Twilio's log could not be read: this says why. */
    public void logCheckFailed(String problem) {
        lastLogCheck.set(new LogCheck(Instant.now(), problem));
    }

    /** The last read of Twilio's log for statuses and replies; null before the first. */
    public ReadOnlyObjectProperty<LogCheck> lastLogCheckProperty() {
        return lastLogCheck.getReadOnlyProperty();
    }

    /** The data is on this shared server (null: on this computer). */
    public void sharedData(String where) {
        sharedData.set(where);
    }

    public ReadOnlyStringProperty sharedDataProperty() {
        return sharedData.getReadOnlyProperty();
    }

    /** The shared server stopped answering (why, in words), or answers again (""). */
    public void sharedDataProblem(String problem) {
        sharedDataProblem.set(problem);
    }

    public ReadOnlyStringProperty sharedDataProblemProperty() {
        return sharedDataProblem.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Where sending goes; Settings changes it when the person switches between LIVE and SIMULATION. */
    public ObjectProperty<TwilioChoice> twilioChoiceProperty() {
        return twilioChoice;
    }

    public ObjectBinding<Mode> modeBinding() {
        return mode;
    }

    public DataFolder dataFolder() {
        return dataFolder;
    }
}
