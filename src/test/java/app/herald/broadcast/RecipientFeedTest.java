package app.herald.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.Audience;
import app.herald.contacts.TestContacts;
import app.herald.storage.Database;
import app.herald.storage.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner's reading thread, on a real database (both engines). */
class RecipientFeedTest {

    @TempDir
    Path folder;

    private Database database;
    private Audience audience;
    private long list;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        audience = new Audience(database.jdbi());
        list = TestContacts.list(database.jdbi(), "Everyone", 12_345);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyRecipientComesOnceInNumberOrder() {
        List<String> numbers = new ArrayList<>();
        try (RecipientFeed<String> feed = new RecipientFeed<>(audience, List.of(list), Audience.Recipient::e164)) {
            feed.forEach(numbers::add);
        }

        assertThat(numbers).hasSize(12_345).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFailureWhileMakingARecipientReachesTheOneWhoTakes() {
        try (RecipientFeed<String> feed = new RecipientFeed<>(audience, List.of(list), recipient -> {
            if (recipient.e164().endsWith("5000")) {
                throw new IllegalArgumentException("too long for " + recipient.e164());
            }
            return recipient.e164();
        })) {
            assertThatThrownBy(() -> feed.forEach(number -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("too long for +14152005000");
        }
    }

    @Test
    void theWriterGivingUpStopsTheReaderAndTheDatabaseGoesOn() {
        int[] taken = {0};
        try (RecipientFeed<String> feed = new RecipientFeed<>(audience, List.of(list), Audience.Recipient::e164)) {
            assertThatThrownBy(() -> feed.forEach(number -> {
                if (++taken[0] == 10) {
                    throw new IllegalStateException("the disk is full");
                }
            })).hasMessage("the disk is full");
        }

        // the reader, stopped without an interrupt (which would have closed H2's file), gave its connection back
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("herald-plan-reader"));
        assertThat(audience.count(List.of(list)).recipients()).isEqualTo(12_345);
        TestContacts.add(database.jdbi(), list, 20_000, 5);
        assertThat(audience.count(List.of(list)).recipients()).isEqualTo(12_350);
    }
}
