package app.herald.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.contacts.Audience.AudienceCount;
import app.herald.storage.Database;
import app.herald.storage.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    @Test
    void aBigAudienceOnTheSharedServerComesThroughACursorNotAllAtOnce() {
        // on H2 the rows come as they are read too (lazy execution), which nothing outside the session
        // shows between two rows: the send benchmark's plan does (BENCHMARKS.md)
        assumeTrue(TestDatabases.POSTGRESQL, "PostgreSQL's driver holds a whole result unless a cursor streams it");
        long list = TestContacts.list(database.jdbi(), "Everyone", 5_000);
        List<String> readingMidway = new ArrayList<>();
        long[] read = {0};

        audience.forEachRecipient(List.of(list), recipient -> {
            if (++read[0] == 10) {
                readingMidway.addAll(CompletableFuture.supplyAsync(this::readsInProgress).join());
            }
        });

        assertThat(read[0]).isEqualTo(5_000);
        // held whole, the read had ended (its connection idle) before the first recipient came
        assertThat(readingMidway).singleElement().asString().contains("SELECT c.e164, c.name");
    }

    /** The statements other connections are in the middle of; asked from a thread of its own, whose connection is not the reader's. */
    private List<String> readsInProgress() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT query FROM pg_stat_activity WHERE state = 'idle in transaction' AND pid <> pg_backend_pid()")
                .mapTo(String.class).list());
    }

    private long numbersRead(long list) {
        List<String> numbers = new ArrayList<>();
        audience.forEachRecipient(List.of(list), recipient -> numbers.add(recipient.e164()));
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        return numbers.size();
    }
}
