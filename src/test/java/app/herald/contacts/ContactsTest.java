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

class ContactsTest {

    @TempDir
    Path folder;

    private Database database;
    private Contacts contacts;
    private long list;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        contacts = new Contacts(database.jdbi());
        list = new RecipientLists(database.jdbi()).create("Clients").id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> found(String search) {
        return contacts.after(new ContactQuery(list, search), 0, 100).stream().map(Contact::e164).toList();
    }

    @Test
    void searchFindsNamesWhateverTheCaseAndNumbersByTheirDigits() {
        contacts.add(list, "+4915142883039", "Zoë Müller");
        contacts.add(list, "+14155550132", "Ana 100% Lopez");
        contacts.add(list, "+442079460000", (String) null);

        assertThat(found("zoë")).containsExactly("+4915142883039");
        assertThat(found("0151 428")).containsExactly("+4915142883039");
        assertThat(found("(415) 555-01")).containsExactly("+14155550132");
        assertThat(found("100%")).containsExactly("+14155550132");
        assertThat(found("%")).containsExactly("+14155550132");
        assertThat(found("  ")).hasSize(3);
        assertThat(found("nobody")).isEmpty();
        assertThat(contacts.count(new ContactQuery(list, "LOPEZ"))).isEqualTo(1);
    }

    @Test
    void searchPagesWalkOnlyTheMatches() {
        for (int i = 0; i < 250; i++) {
            contacts.add(list, "+1415555" + String.format("%04d", i), i % 2 == 0 ? "Even " + i : "Odd " + i);
        }
        ContactQuery evens = new ContactQuery(list, "even");

        List<Contact> last = contacts.last(evens, 100);
        List<Contact> before = contacts.before(evens, last.get(0).id(), 100);

        assertThat(contacts.count(evens)).isEqualTo(125);
        assertThat(last).extracting(Contact::name).allMatch(name -> name.startsWith("Even")).last().isEqualTo("Even 248");
        assertThat(before).hasSize(25).extracting(Contact::name).first().isEqualTo("Even 0");
    }

    @Test
    void aNumberIsOnlyOnceInAList() {
        Contact ana = contacts.add(list, "+14155550132", " Ana ");
        Contact bo = contacts.add(list, "+14155550133", "");

        assertThat(ana.name()).isEqualTo("Ana");
        assertThat(bo.name()).isNull();
        assertThatThrownBy(() -> contacts.add(list, "+14155550132", "Again"))
                .isInstanceOf(ContactException.class).hasMessage("+14155550132 is already in this list.");
        assertThatThrownBy(() -> contacts.update(bo, "+14155550132", ContactFields.named("Bo")))
                .isInstanceOf(ContactException.class);
        assertThat(contacts.update(ana, "+14155550132", ContactFields.named("Ana Lopez")).name()).isEqualTo("Ana Lopez");
    }

    @Test
    void editsShowTheOptOutMarkAndDeleteTakesSeveral() {
        new OptOuts(database.jdbi()).add("+14155550134", "STOP", "test");
        Contact ana = contacts.add(list, "+14155550132", "Ana");
        Contact bo = contacts.add(list, "+14155550133", "Bo");

        Contact moved = contacts.update(bo, "+14155550134", ContactFields.named("Bo"));

        assertThat(moved.optedOut()).isTrue();
        assertThat(contacts.delete(List.of(ana.id(), moved.id()))).isEqualTo(2);
        assertThat(contacts.count(list)).isZero();
        assertThatThrownBy(() -> contacts.update(ana, "+14155550132", ContactFields.named("Ana")))
                .hasMessage("This contact was deleted meanwhile.");
    }

    /** Two desktops on one database opened the same contact; the one who saves second is told, and overwrites nothing. */
    @Test
    void anEditOfAContactSomeoneElseChangedMeanwhileIsRefusedWithTheReason() {
        Contact opened = contacts.add(list, "+14155550140", "Dana");
        Contacts otherDesktop = new Contacts(database.jdbi());
        Contact openedThere = otherDesktop.find(opened.id()).orElseThrow();

        Contact saved = otherDesktop.update(openedThere, "+14155550140", ContactFields.named("Dana Smith"));

        assertThat(saved.version()).isEqualTo(opened.version() + 1);
        assertThatThrownBy(() -> contacts.update(opened, "+14155550141", ContactFields.named("Dana Jones")))
                .isInstanceOf(ContactException.class)
                .hasMessage("Someone else changed +1 415-555-0140 since you opened it, so your change was not saved."
                        + " Reload the list to see theirs, then edit it again.");
        assertThat(contacts.find(opened.id()).orElseThrow()).satisfies(now -> {
            assertThat(now.e164()).isEqualTo("+14155550140");
            assertThat(now.name()).isEqualTo("Dana Smith");
        });
        assertThat(contacts.update(contacts.find(opened.id()).orElseThrow(), "+14155550141", ContactFields.named("Dana Jones"))
                .name()).as("reloaded, the edit goes through").isEqualTo("Dana Jones");
    }

    @Test
    void aListsCountIsKeptWithEveryChangeAndAgreesWithItsRows() {
        long other = new RecipientLists(database.jdbi()).create("Staff").id();
        Contact ann = contacts.add(other, "+14155550170", "Ann");
        Contact bob = contacts.add(other, "+14155550171", "Bob");
        contacts.add(list, "+14155550172", "Cy");
        contacts.update(bob, "+14155550179", ContactFields.named("Bob"));

        contacts.delete(List.of(ann.id(), contacts.after(ContactQuery.all(list), 0, 1).get(0).id()));

        for (long id : List.of(list, other)) {
            long rows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact WHERE list_id = :id")
                    .bind("id", id).mapTo(Long.class).one());
            assertThat(contacts.count(id)).as("list %d", id).isEqualTo(rows);
            assertThat(new RecipientLists(database.jdbi()).all()).filteredOn(shown -> shown.id() == id)
                    .singleElement().extracting(RecipientList::contacts).isEqualTo(rows);
        }
        assertThat(contacts.count(other)).isEqualTo(1);
    }
}
