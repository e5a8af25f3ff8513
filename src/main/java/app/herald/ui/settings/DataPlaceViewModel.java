package app.herald.ui.settings;

import app.herald.settings.DatabaseSettings;
import app.herald.settings.DatabaseSettingsStore;
import app.herald.storage.DataCopy;
import app.herald.storage.SharedServer;
import app.herald.ui.common.Tasks;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings' "Where Herald keeps its data": this computer, or a shared PostgreSQL server. Test
 * connection says what the server is; Save keeps the choice for Herald's next start; Move my data
 * copies this computer's data into the empty shared database, with progress, then chooses it.
 */
public final class DataPlaceViewModel {

    /** Copies this computer's data to a server, telling progress; the core's {@code copyDataTo}. */
    public interface Copier {
        long copy(SharedServer to, DataCopy.Progress progress);
    }

    /** What a shared server says of itself; {@code Database.check}. */
    public interface Checker {
        String check(SharedServer server);
    }

    private final DatabaseSettingsStore store;
    private final Checker checker;
    private final Copier copier;
    private final Optional<String> sharedNow;
    private final Tasks tasks;
    private final Executor uiThread;
    private final ResourceBundle bundle;

    private final BooleanProperty shared = new SimpleBooleanProperty();
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(DatabaseSettings.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("herald");
    private final StringProperty user = new SimpleStringProperty("herald");
    /** A new password; blank keeps the saved one. */
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper answerIsProblem = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** Of a copy: 0 to 1 while it runs, -1 before rows are counted; 0 when none runs. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();

    /**
     * @param sharedNow where the data of this running Herald is ("db.lan:5432/herald"), empty when on this computer
     */
    public DataPlaceViewModel(DatabaseSettingsStore store, Checker checker, Copier copier, Optional<String> sharedNow,
            Tasks tasks, Executor uiThread, ResourceBundle bundle) {
        this.store = Objects.requireNonNull(store);
        this.checker = Objects.requireNonNull(checker);
        this.copier = Objects.requireNonNull(copier);
        this.sharedNow = Objects.requireNonNull(sharedNow);
        this.tasks = Objects.requireNonNull(tasks);
        this.uiThread = Objects.requireNonNull(uiThread);
        this.bundle = Objects.requireNonNull(bundle);
    }

    /** Reads what Settings saved; call once when the dialog opens. */
    public void load() {
        tasks.run(store::load)
                .onSuccess(saved -> {
                    shared.set(saved.shared());
                    if (!saved.host().isEmpty()) {
                        host.set(saved.host());
                        port.set(String.valueOf(saved.port()));
                        database.set(saved.database());
                        user.set(saved.user());
                        tls.set(saved.tls());
                    }
                })
                .onError(this::problem)
                .start();
    }

    /** Says what the server is and whether Herald's tables are there. */
    public void test() {
        DatabaseSettings settings = settings();
        if (settings == null) {
            return;
        }
        String typed = password.get();
        work(() -> checker.check(settings.server(passwordOr(typed))), words -> tell(words, false));
    }

    /** Keeps the choice; Herald uses it from its next start. */
    public void save() {
        DatabaseSettings settings = shared.get() ? settings() : DatabaseSettings.THIS_COMPUTER;
        if (settings == null) {
            return;
        }
        Optional<String> typed = shared.get() && !password.get().isEmpty() ? Optional.of(password.get()) : Optional.empty();
        work(() -> {
            store.save(settings, typed);
            return settings;
        }, done -> tell(done.shared() ? MessageFormat.format(bundle.getString("dataPlace.saved.shared"), done.server("").where())
                : bundle.getString("dataPlace.saved.local"), false));
    }

    /** Copies this computer's data into the empty shared database, then chooses it for the next start. */
    public void moveData() {
        DatabaseSettings settings = settings();
        if (settings == null) {
            return;
        }
        String typed = password.get();
        progress.set(-1);
        work(() -> {
            SharedServer server = settings.server(passwordOr(typed));
            long copied = copier.copy(server, (rows, of) -> uiThread.execute(() -> progress.set(of == 0 ? 1 : (double) rows / of)));
            store.save(settings, typed.isEmpty() ? Optional.empty() : Optional.of(typed));
            return MessageFormat.format(bundle.getString("dataPlace.moved"), copied, server.where());
        }, words -> {
            shared.set(true);
            tell(words, false);
        });
    }

    private String passwordOr(String typed) throws IOException {
        return typed.isEmpty() ? store.password().orElse("") : typed;
    }

    /** The fields as settings, or null (and the problem said) when one is missing or wrong. */
    private DatabaseSettings settings() {
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            tell(bundle.getString("dataPlace.problem.port"), true);
            return null;
        }
        DatabaseSettings settings = new DatabaseSettings(true, host.get(), portNumber, database.get(), user.get(), tls.get());
        try {
            settings.server("");
        } catch (IllegalArgumentException e) {
            tell(e.getMessage(), true);
            return null;
        }
        return settings;
    }

    private <T> void work(Callable<T> job, Consumer<T> then) {
        busy.set(true);
        answer.set("");
        tasks.run(job).onSuccess(then).onError(this::problem).andFinally(() -> {
            busy.set(false);
            progress.set(0);
        }).start();
    }

    private void problem(Throwable e) {
        tell(e.getMessage() == null ? e.toString() : e.getMessage(), true);
    }

    private void tell(String words, boolean problem) {
        answer.set(words);
        answerIsProblem.set(problem);
    }

    /** True when this Herald's data is on this computer, so it can be moved to the shared server. */
    public boolean canMove() {
        return sharedNow.isEmpty();
    }

    /** Where this running Herald's data is, in words. */
    public String now() {
        return sharedNow.map(where -> MessageFormat.format(bundle.getString("dataPlace.now.shared"), where))
                .orElse(bundle.getString("dataPlace.now.local"));
    }

    public boolean environmentChooses() {
        return store.environmentChooses();
    }

    public BooleanProperty sharedProperty() {
        return shared;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public ReadOnlyStringProperty answerProperty() {
        return answer.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty answerIsProblemProperty() {
        return answerIsProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
