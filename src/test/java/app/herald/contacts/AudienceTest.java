package app.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Audience.AudienceCount;
import app.herald.storage.Database;
import app.herald.storage.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who lists reach, counted and read, on a real database (both engines). */
class AudienceTest {

    @TempDir
    Path folder;

    private Database database;
    private Audience audience;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        audience = new Audience(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oneListIsCountedFromItsKeptFigureAsReadingItWouldCountIt() {
        long list = TestContacts.list(database.jdbi(), "Parents", 50);
        long other = TestContacts.list(database.jdbi(), "Staff", 200);
        Contacts contacts = new Contacts(database.jdbi());
        Contact added = contacts.add(list, "+14155550199", "Late Joiner");
        contacts.delete(List.of(contacts.add(list, "+14155550198", "Left Again").id()));
        new OptOuts(database.jdbi()).addAll(List.of("+14152000001", "+14152000002", "+14152000150", added.e164()), "asked", "test");

        AudienceCount one = audience.count(List.of(list));

        assertThat(one).isEqualTo(new AudienceCount(51, 51, 3));
        assertThat(one.recipients()).isEqualTo(numbersRead(list)).isEqualTo(48);
        assertThat(audience.count(List.of(other))).isEqualTo(new AudienceCount(200, 200, 3));
    }

    @Test
    void severalListsCountANumberInTwoOfThemOnce() {
        long parents = TestContacts.list(database.jdbi(), "Parents", 1, 50);
        long staff = TestContacts.list(database.jdbi(), "Staff", 41, 20);
        new OptOuts(database.jdbi()).add("+14152000045", "asked", "test");

        AudienceCount both = audience.count(List.of(parents, staff));

        assertThat(both).isEqualTo(new AudienceCount(70, 60, 1));
        assertThat(both.duplicates()).isEqualTo(10);
    }

    @Test
    void aListWithNobodyCountsNobody() {
        long empty = new RecipientLists(database.jdbi()).create("Empty").id();

        assertThat(audience.count(List.of(empty))).isEqualTo(AudienceCount.NONE);
        assertThat(audience.count(List.of())).isEqualTo(AudienceCount.NONE);
    }

    private long numbersRead(long list) {
        List<String> numbers = new ArrayList<>();
        audience.forEachRecipient(List.of(list), recipient -> numbers.add(recipient.e164()));
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        return numbers.size();
    }
}
