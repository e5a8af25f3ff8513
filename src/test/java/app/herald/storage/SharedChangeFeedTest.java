package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.contacts.Contacts;
import app.herald.contacts.RecipientLists;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one desktop writes on the shared server, another hears of at once; a server that does not answer is said. PostgreSQL only. */
class SharedChangeFeedTest {

    @BeforeEach
    void onPostgresql() {
        assumeTrue(TestDatabases.POSTGRESQL, "runs against PostgreSQL (mvn verify's postgresql run)");
    }

    @Test
    void anotherDesktopsNewListAndContactEditArriveWellBeforeThePoll() throws Exception {
        SharedServer server = TestPostgres.newDatabase();
        try (Database deskA = Database.open(server);
             ChangeFeed deskB = ChangeFeed.listening(server, Duration.ofSeconds(30))) {
            Semaphore changes = new Semaphore(0);
            deskB.onChange(changes::release);
            // the feed has read its first fingerprint once it listens
            Thread.sleep(500);

            long list = new RecipientLists(deskA.jdbi()).create("Parents").id();
            assertThat(changes.tryAcquire(5, TimeUnit.SECONDS)).as("a new list, told by its notice").isTrue();

            new Contacts(deskA.jdbi()).add(list, "+14155550132", "Ana");
            assertThat(changes.tryAcquire(5, TimeUnit.SECONDS)).as("a contact added").isTrue();
            assertThat(deskB.problem()).isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidAndTriedAgain() throws Exception {
        SharedServer nowhere = SharedServer.of("localhost", 1, "herald", false, "herald", "");
        try (ChangeFeed feed = ChangeFeed.listening(nowhere, Duration.ofMillis(300))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (feed.problem().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(feed.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("Herald cannot reach the shared database at localhost:1/herald (")
                    .endsWith("It keeps trying; what you see may be out of date."));
        }
    }
}
