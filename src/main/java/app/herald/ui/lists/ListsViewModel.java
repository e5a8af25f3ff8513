package app.herald.ui.lists;

import app.herald.contacts.Contact;
import app.herald.contacts.ContactFields;
import app.herald.contacts.ContactQuery;
import app.herald.contacts.Contacts;
import app.herald.contacts.OptOuts;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ContactExporter;
import app.herald.ui.common.Notice;
import app.herald.ui.common.ScreenWork;
import app.herald.ui.common.Tasks;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lists screen's state: the lists with their counts, the chosen one, a page of its contacts,
 * and what the person can do to them. Every read and write runs through {@link Tasks}.
 */
public final class ListsViewModel {

    private final RecipientLists recipientLists;
    private final Contacts contacts;
    private final OptOuts optOuts;
    private final ContactExporter exporter;
    private final ScreenWork work;
    private final ResourceBundle bundle;

    private final ObservableList<RecipientList> lists = FXCollections.observableArrayList();
    private final ObjectProperty<RecipientList> selected = new SimpleObjectProperty<>();
    private final ContactPager pager;
    private String search = "";

    public ListsViewModel(RecipientLists recipientLists, Contacts contacts, OptOuts optOuts, ContactExporter exporter,
            Tasks tasks, ResourceBundle bundle) {
        this.recipientLists = Objects.requireNonNull(recipientLists);
        this.contacts = Objects.requireNonNull(contacts);
        this.optOuts = Objects.requireNonNull(optOuts);
        this.exporter = Objects.requireNonNull(exporter);
        this.work = new ScreenWork(tasks);
        this.bundle = Objects.requireNonNull(bundle);
        this.pager = new ContactPager(contacts, tasks, work::tell);
        selected.addListener((observable, previous, list) -> {
            if (list == null) {
                pager.clear();
            } else if (previous == null || previous.id() != list.id()) {
                pager.show(new ContactQuery(list.id(), search));
                // read while the person looks at the first page, so the first search does not wait for it
                work.read(() -> {
                    contacts.prepareSearch(list.id());
                    return list;
                }, prepared -> { });
            }
        });
    }

    /** Reads the lists and their counts again, keeping the chosen one chosen. */
    public void refresh() {
        refreshThen(() -> { });
    }

    private void refreshThen(Runnable then) {
        work.read(recipientLists::all, all -> {
            long selectedId = selected.get() == null ? -1 : selected.get().id();
            lists.setAll(all);
            // the list chosen before, else the first: a screen of lists with none open only asks for a click
            selected.set(all.stream().filter(list -> list.id() == selectedId).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0)));
            then.run();
        });
    }

    /** Another desktop changed something: the lists again, and the page of the chosen one, whose contacts may have changed. */
    public void othersChanged() {
        refreshThen(() -> {
            if (selected.get() != null) {
                pager.reload();
            }
        });
    }

    /** Chooses the list of that name (any case) once the lists are read again, as after an import. */
    public void refreshAndSelect(String name) {
        refreshThen(() -> {
            lists.stream().filter(list -> list.name().equalsIgnoreCase(name.strip())).findFirst()
                    .ifPresent(list -> {
                        boolean alreadyChosen = selected.get() != null && selected.get().id() == list.id();
                        selected.set(list);
                        if (alreadyChosen) {
                            pager.show(new ContactQuery(list.id(), search));
                        }
                    });
        });
    }

    public void search(String text) {
        search = text == null ? "" : text.strip();
        if (selected.get() != null) {
            pager.show(new ContactQuery(selected.get().id(), search));
        }
    }

    public void createList(String name) {
        work.change(() -> recipientLists.create(name), created -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("lists.created"), created.name())));
            refreshAndSelect(created.name());
        });
    }

    public void renameSelected(String newName) {
        RecipientList list = selected.get();
        if (list == null) {
            return;
        }
        work.change(() -> {
            recipientLists.rename(list, newName);
            return newName.strip();
        }, renamed -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("lists.renamed"), list.name(), renamed)));
            refresh();
        });
    }

    /** The question to ask before {@link #deleteSelected()}, naming what goes with the list. */
    public String deleteQuestion() {
        RecipientList list = selected.get();
        return list == null ? "" : MessageFormat.format(bundle.getString("lists.delete.question"), list.name(), list.contacts());
    }

    public void deleteSelected() {
        RecipientList list = selected.get();
        if (list == null) {
            return;
        }
        work.change(() -> {
            recipientLists.delete(list.id());
            return list;
        }, deleted -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("lists.deleted"), deleted.name(), deleted.contacts())));
            selected.set(null);
            refresh();
        });
    }

    /** The fields the chosen list's contacts may have beyond the built-in ones, as its imports kept them. */
    public List<String> fieldsOfSelected() {
        RecipientList list = selected.get();
        return list == null ? List.of() : list.fields();
    }

    public void addContact(String e164, ContactFields fields) {
        RecipientList list = selected.get();
        if (list == null) {
            return;
        }
        work.change(() -> contacts.add(list.id(), e164, fields), added -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("contacts.added"), PhoneNumbers.forPeople(added.e164()), list.name())));
            contactsChanged();
        });
    }

    public void updateContact(Contact contact, String e164, ContactFields fields) {
        work.change(() -> contacts.update(contact, e164, fields), updated -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("contacts.updated"), PhoneNumbers.forPeople(updated.e164()))));
            contactsChanged();
        });
    }

    public String deleteContactsQuestion(List<Contact> chosen) {
        return question("contacts.delete.question", chosen);
    }

    public String optOutQuestion(List<Contact> chosen) {
        return question("contacts.optOut.question", chosen);
    }

    /** A question about one contact names its number; about several, their count. */
    private String question(String key, List<Contact> chosen) {
        return MessageFormat.format(bundle.getString(key), chosen.size(), chosen.isEmpty() ? "" : PhoneNumbers.forPeople(chosen.get(0).e164()));
    }

    public void deleteContacts(List<Contact> chosen) {
        List<Long> ids = chosen.stream().map(Contact::id).toList();
        work.change(() -> contacts.delete(ids), deleted -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("contacts.deleted"), deleted)));
            contactsChanged();
        });
    }

    /** Puts the chosen numbers on the global opt-out list: kept in their lists, never sent to. */
    public void optOut(List<Contact> chosen, String reason) {
        List<String> numbers = chosen.stream().map(Contact::e164).toList();
        String source = bundle.getString("optOuts.source.lists");
        work.change(() -> optOuts.addAll(numbers, reason, source), added -> {
            work.tell(Notice.info(MessageFormat.format(bundle.getString("contacts.optedOut"), added)));
            contactsChanged();
        });
    }

    public void exportSelected(Path target) {
        RecipientList list = selected.get();
        if (list == null) {
            return;
        }
        work.change(() -> exporter.export(list.id(), target), written -> work.tell(Notice.info(
                MessageFormat.format(bundle.getString("lists.exported"), written, list.name(), target))));
    }

    /** The file name an export suggests: the list's name, made safe for any file system. */
    public Optional<String> exportFileName() {
        return Optional.ofNullable(selected.get())
                .map(list -> list.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".csv");
    }

    /** The opt-out list changed elsewhere: the marks and counts shown are read again. */
    public void optOutsChanged() {
        contactsChanged();
    }

    private void contactsChanged() {
        pager.reload();
        refresh();
    }

    public ObservableList<RecipientList> lists() {
        return lists;
    }

    public ObjectProperty<RecipientList> selectedProperty() {
        return selected;
    }

    public ContactPager pager() {
        return pager;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return work.noticeProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }
}
