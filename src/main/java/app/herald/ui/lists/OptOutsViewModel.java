package app.herald.ui.lists;

import app.herald.contacts.Country;
import app.herald.contacts.OptOut;
import app.herald.contacts.OptOuts;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.csv.ContactFiles;
import app.herald.contacts.csv.ContactFiles.Inspection;
import app.herald.contacts.csv.OptOutImporter;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The global opt-out list: every number that is never sent to, with why and since when. Adding,
 * removing and importing tell {@code changed} so the lists can show their marks again.
 */
public final class OptOutsViewModel {

    private final OptOuts optOuts;
    private final OptOutImporter importer;
    private final ScreenWork work;
    private final ResourceBundle bundle;
    private final Runnable changed;

    private final ObservableList<OptOut> entries = FXCollections.observableArrayList();

    public OptOutsViewModel(OptOuts optOuts, OptOutImporter importer, Tasks tasks, ResourceBundle bundle, Runnable changed) {
        this.optOuts = Objects.requireNonNull(optOuts);
        this.importer = Objects.requireNonNull(importer);
        this.work = new ScreenWork(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.changed = Objects.requireNonNull(changed);
    }

    public void refresh() {
        work.read(optOuts::all, entries::setAll);
    }

    public void add(String e164, String reason) {
        write(() -> optOuts.add(e164, reason, bundle.getString("optOuts.source.typed")), added -> work.tell(Notice.info(
                MessageFormat.format(bundle.getString(added ? "optOuts.added" : "optOuts.already"), e164))));
    }

    public String removeQuestion(OptOut entry) {
        return MessageFormat.format(bundle.getString("optOuts.remove.question"), PhoneNumbers.forPeople(entry.e164()));
    }

    public void remove(OptOut entry) {
        write(() -> optOuts.remove(entry.e164()), removed -> work.tell(Notice.info(
                MessageFormat.format(bundle.getString("optOuts.removed"), PhoneNumbers.forPeople(entry.e164())))));
    }

    /** Opts out every number in a file; numbers without a country code are read as {@code country}'s. */
    public void importFile(Path file, Country country) {
        String region = country == null ? PhoneNumbers.NO_COUNTRY : country.code();
        write(() -> {
            Inspection inspection = ContactFiles.inspect(file);
            String reason = MessageFormat.format(bundle.getString("optOuts.import.reason"), file.getFileName());
            return importer.importFile(file, inspection.format(), inspection.guess(), region, reason);
        }, result -> work.tell(Notice.info(MessageFormat.format(bundle.getString("optOuts.imported"),
                result.added(), result.already(), result.invalid(), file.getFileName()))));
    }

    /** Every change is followed by reading the list again and telling the lists their marks changed. */
    private <T> void write(Callable<T> change, Consumer<T> done) {
        work.change(change, result -> {
            done.accept(result);
            refresh();
            changed.run();
        });
    }

    public ObservableList<OptOut> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }
}
