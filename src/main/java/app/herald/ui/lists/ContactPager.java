package app.herald.ui.lists;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactQuery;
import app.herald.contacts.Contacts;
import app.herald.ui.common.Notice;
import app.herald.ui.common.Tasks;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One page of a list's contacts at a time, walked by keyset (first, previous, next, last), so a
 * million contacts never sit in memory. Only the newest request's answer is shown: a slow page
 * that arrives after a quicker later one is dropped.
 */
public final class ContactPager {

    public static final int PAGE_SIZE = 100;

    private final Contacts contacts;
    private final Tasks tasks;
    private final Consumer<Notice> problems;

    private final ObservableList<Contact> rows = FXCollections.observableArrayList();
    private final ObservableList<Contact> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final BooleanBinding hasPrevious = position.greaterThan(0);
    private final BooleanBinding hasNext =
            Bindings.createBooleanBinding(() -> position.get() + rows.size() < total.get(), position, total, rows);

    private ContactQuery query;
    private long generation;

    /** @param problems told when a page cannot be read */
    public ContactPager(Contacts contacts, Tasks tasks, Consumer<Notice> problems) {
        this.contacts = Objects.requireNonNull(contacts);
        this.tasks = Objects.requireNonNull(tasks);
        this.problems = Objects.requireNonNull(problems);
    }

    /** Shows the first page of {@code newQuery}, counting its contacts. */
    public void show(ContactQuery newQuery) {
        query = Objects.requireNonNull(newQuery);
        ContactQuery asked = query;
        load(() -> new Page(contacts.after(asked, 0, PAGE_SIZE), 0, contacts.count(asked)));
    }

    /** Shows nothing, as when no list is chosen. */
    public void clear() {
        query = null;
        generation++;
        rows.clear();
        position.set(0);
        total.set(0);
        loading.set(false);
    }

    public void first() {
        if (query != null) {
            show(query);
        }
    }

    public void next() {
        if (query == null || !hasNext.get() || rows.isEmpty()) {
            return;
        }
        ContactQuery asked = query;
        long lastId = rows.get(rows.size() - 1).id();
        long nextPosition = position.get() + rows.size();
        long known = total.get();
        load(() -> new Page(contacts.after(asked, lastId, PAGE_SIZE), nextPosition, known));
    }

    public void previous() {
        if (query == null || !hasPrevious.get() || rows.isEmpty()) {
            return;
        }
        ContactQuery asked = query;
        long firstId = rows.get(0).id();
        long current = position.get();
        long known = total.get();
        load(() -> {
            List<Contact> page = contacts.before(asked, firstId, PAGE_SIZE);
            return new Page(page, Math.max(0, current - page.size()), known);
        });
    }

    public void last() {
        if (query == null) {
            return;
        }
        ContactQuery asked = query;
        long known = total.get();
        load(() -> {
            List<Contact> page = contacts.last(asked, PAGE_SIZE);
            return new Page(page, Math.max(0, known - page.size()), known);
        });
    }

    /** Reads the current page again from its first contact on, and the count, after an edit. */
    public void reload() {
        if (query == null) {
            return;
        }
        if (rows.isEmpty()) {
            show(query);
            return;
        }
        ContactQuery asked = query;
        long fromId = rows.get(0).id() - 1;
        long current = position.get();
        load(() -> {
            long count = contacts.count(asked);
            return new Page(contacts.after(asked, fromId, PAGE_SIZE), Math.min(current, count), count);
        });
    }

    private void load(Callable<Page> read) {
        long asked = ++generation;
        loading.set(true);
        tasks.run(read)
                .onSuccess(page -> {
                    if (asked == generation) {
                        rows.setAll(page.rows());
                        position.set(page.position());
                        total.set(Math.max(page.total(), page.position() + page.rows().size()));
                    }
                })
                .onError(problem -> {
                    if (asked == generation) {
                        problems.accept(Notice.problem(problem));
                    }
                })
                .andFinally(() -> {
                    if (asked == generation) {
                        loading.set(false);
                    }
                })
                .start();
    }

    private record Page(List<Contact> rows, long position, long total) {
    }

    public ObservableList<Contact> rows() {
        return readOnlyRows;
    }

    /** Where the page's first row is in the whole list (or search result), from 0. */
    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public BooleanBinding hasPreviousBinding() {
        return hasPrevious;
    }

    public BooleanBinding hasNextBinding() {
        return hasNext;
    }
}
