package app.herald.contacts;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.storage.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipientListsTest {

    @TempDir
    Path folder;

    private Database database;
    private RecipientLists lists;
    private Contacts contacts;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        lists = new RecipientLists(database.jdbi());
        contacts = new Contacts(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void addContacts(long list, int count) {
        TestContacts.add(database.jdbi(), list, 1, count);
    }

    @Test
    void namesAreCheckedTrimmedAndUniqueWhateverTheCase() {
        RecipientList staff = lists.create("  Staff ");

        assertThat(staff.name()).isEqualTo("Staff");
        assertThatThrownBy(() -> lists.create("STAFF")).isInstanceOf(ListNameException.class)
                .hasMessage("There is already a list called \"STAFF\". Choose another name.");
        assertThatThrownBy(() -> lists.create(" ")).hasMessage("A list needs a name.");
        assertThat(lists.findOrCreate("staff").id()).isEqualTo(staff.id());
    }

    @Test
    void renameRefusesATakenName() {
        RecipientList parents = lists.create("Parents");
        lists.create("Teachers");

        assertThatThrownBy(() -> lists.rename(parents, "teachers")).isInstanceOf(ListNameException.class)
                .hasMessage("There is already a list called \"teachers\". Choose another name.");
        lists.rename(parents, "Families");

        assertThat(lists.all()).extracting(RecipientList::name).containsExactly("Families", "Teachers");
    }

    /** Two desktops opened the same list; the one who renames it second is told, and renames nothing. */
    @Test
    void aRenameOfAListSomeoneElseRenamedMeanwhileIsRefused() {
        RecipientList opened = lists.create("Parents");
        RecipientLists otherDesktop = new RecipientLists(database.jdbi());
        otherDesktop.rename(otherDesktop.find("Parents").orElseThrow(), "Families");

        assertThatThrownBy(() -> lists.rename(opened, "Guardians")).isInstanceOf(ListNameException.class)
                .hasMessage("Someone else renamed or deleted the list \"Parents\" since you opened it, so your name was not"
                        + " saved. Look at the lists again, then rename it.");
        assertThat(lists.all()).extracting(RecipientList::name).containsExactly("Families");
        lists.rename(lists.find("Families").orElseThrow(), "Guardians");
        assertThat(lists.all()).extracting(RecipientList::name).containsExactly("Guardians");
    }

    @Test
    void countsContactsAndOptOutsAndDeleteTakesTheContactsAlong() {
        RecipientList list = lists.create("Clients");
        addContacts(list.id(), 250);
        new OptOuts(database.jdbi()).add("+14152000001", "STOP", "test");

        RecipientList counted = lists.find("clients").orElseThrow();
        assertThat(counted.contacts()).isEqualTo(250);
        assertThat(counted.optedOut()).isEqualTo(1);

        lists.delete(list.id());
        assertThat(lists.all()).isEmpty();
        // Herald removes them itself: no foreign key cascades (V11)
        assertThat((int) database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact")
                .mapTo(Integer.class).one())).isZero();
        assertThat(new OptOuts(database.jdbi()).all()).hasSize(1);
    }

    @Test
    void pagesWalkTheWholeListForwardAndBackWithoutGapsOrRepeats() {
        long list = lists.create("Big").id();
        long other = lists.create("Other").id();
        addContacts(list, 1_005);
        addContacts(other, 10);

        List<Contact> last = contacts.last(ContactQuery.all(list), 100);
        assertThat(last).hasSize(100);
        assertThat(last.get(99).e164()).isEqualTo("+14152001005");

        long seen = 0;
        long lastId = 0;
        for (List<Contact> page = contacts.after(ContactQuery.all(list), 0, 100); !page.isEmpty();
                page = contacts.after(ContactQuery.all(list), page.get(page.size() - 1).id(), 100)) {
            assertThat(page.get(0).id()).isGreaterThan(lastId);
            assertThat(page).allSatisfy(contact -> assertThat(contact.listId()).isEqualTo(list));
            lastId = page.get(page.size() - 1).id();
            seen += page.size();
        }
        assertThat(seen).isEqualTo(1_005);

        List<Contact> before = contacts.before(ContactQuery.all(list), last.get(0).id(), 100);
        assertThat(before.get(99).id()).isLessThan(last.get(0).id());
        assertThat(before).isSortedAccordingTo((a, b) -> Long.compare(a.id(), b.id()));
        assertThat(contacts.last(ContactQuery.all(list), 5)).extracting(Contact::optedOut).containsOnly(false);
    }

    private long contactRows() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact").mapTo(Long.class).one());
    }

    @Test
    void aHiddenListIsNobodysAndStartUpRemovesOneACrashLeft() {
        long hidden = lists.createHidden("Parents", List.of());
        addContacts(hidden, 25_000);

        assertThat(lists.all()).isEmpty();
        assertThat(lists.find("Parents")).isEmpty();
        assertThat(lists.purgeHidden()).isEqualTo(1);
        assertThat(contactRows()).as("emptied a bounded transaction at a time").isZero();
        assertThat(lists.purgeHidden()).isZero();
    }

    @Test
    void publishingPutsTheHiddenListInTheOldOnesPlaceUnderItsNameAndDate() {
        RecipientList old = lists.create("Parents");
        addContacts(old.id(), 3);
        long hidden = lists.createHidden("parents", List.of());
        addContacts(hidden, 5);

        lists.publish(hidden, "parents", old.id());

        RecipientList now = lists.find("Parents").orElseThrow();
        assertThat(now.id()).isEqualTo(hidden);
        assertThat(now.name()).isEqualTo("Parents");
        assertThat(now.createdAt()).isEqualTo(old.createdAt());
        assertThat(now.contacts()).isEqualTo(5);
        assertThat(lists.all()).hasSize(1);
        assertThat(contactRows()).as("the old list's contacts are gone").isEqualTo(5);
    }

    @Test
    void aListMadeMeanwhileUnderTheNameStopsThePublishing() {
        long hidden = lists.createHidden("Parents", List.of());
        lists.create("Parents");

        assertThatThrownBy(() -> lists.publish(hidden, "Parents", null)).isInstanceOf(ListNameException.class)
                .hasMessageContaining("while the file was imported");
        assertThat(lists.all()).singleElement().satisfies(list -> assertThat(list.id()).isNotEqualTo(hidden));
    }
}
