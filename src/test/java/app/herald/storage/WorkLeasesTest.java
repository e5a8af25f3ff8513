package app.herald.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two desktops' hold on one piece of work, on one database (an H2 file, or PostgreSQL in that run). */
class WorkLeasesTest {

    private static final Duration LENGTH = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private Database database;
    private Jdbi deskA;
    private Jdbi deskB;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        // two desktops: two Jdbi on the one database, each naming itself
        deskA = database.jdbi();
        WorkLeases.configure(deskA, new WorkLeases.Holder("desk-A /data", "desk-A"), LENGTH);
        deskB = TestDatabases.anotherDesktop(database, "desk-B", LENGTH);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void workHeldByOneDesktopIsRefusedToAnotherWithWhoHoldsIt() {
        try (Lease held = WorkLeases.take(deskA, "broadcast:7")) {
            assertThatThrownBy(() -> WorkLeases.take(deskB, "broadcast:7"))
                    .isInstanceOfSatisfying(WorkTakenException.class, refused -> {
                        assertThat(refused.computer()).isEqualTo("desk-A");
                        assertThat(refused.sinceHeard()).isLessThan(LENGTH);
                        assertThat(refused.untilFree()).isPositive().isLessThanOrEqualTo(LENGTH);
                    });
            deskA.useTransaction(held::require);
        }
        // given back: the other takes it at once
        WorkLeases.take(deskB, "broadcast:7").close();
    }

    @Test
    void aLeaseKeptRenewedIsNeverTakenOverAndOneLeftToRunOutIs() throws InterruptedException {
        try (Lease renewed = WorkLeases.take(deskA, "list:1")) {
            Thread.sleep(LENGTH.toMillis() * 2);
            assertThatThrownBy(() -> WorkLeases.take(deskB, "list:1")).isInstanceOf(WorkTakenException.class);
            deskA.useTransaction(renewed::require);
        }

        Lease abandoned = WorkLeases.take(deskA, "list:2");
        // desk-A stops answering: nothing renews its lease any more
        abandoned.stopRenewing();
        Thread.sleep(LENGTH.toMillis() + 500);
        try (Lease takenOver = WorkLeases.take(deskB, "list:2")) {
            assertThatThrownBy(() -> deskA.useTransaction(abandoned::require))
                    .as("desk-A's writes are fenced off once desk-B holds it")
                    .isInstanceOf(LeaseLostException.class);
            deskB.useTransaction(takenOver::require);
        }
    }

    @Test
    void aLeaseHandedOverIsTakenAgainByItsDesktopAtOnceAndByAnotherOnlyOnceItRunsOut() throws InterruptedException {
        try (Lease planning = WorkLeases.take(deskA, "broadcast:8")) {
            planning.handOver();
        }
        assertThatThrownBy(() -> WorkLeases.take(deskB, "broadcast:8"))
                .as("between desk-A's plan and its run").isInstanceOf(WorkTakenException.class);
        try (Lease running = WorkLeases.take(deskA, "broadcast:8")) {
            deskA.useTransaction(running::require);
        }
        WorkLeases.take(deskB, "broadcast:8").close();

        // desk-A dies between its plan and its run: the hand-over runs out like any lease
        WorkLeases.take(deskA, "broadcast:10").handOver();
        Thread.sleep(LENGTH.toMillis() + 500);
        WorkLeases.take(deskB, "broadcast:10").close();
    }

    @Test
    void theSameDesktopTakesBackALeaseItsDeadProcessLeft() {
        WorkLeases.take(deskA, "broadcast:9").stopRenewing();
        Jdbi deskAAgain = TestDatabases.anotherDesktop(database, "desk-A", LENGTH);

        try (Lease again = WorkLeases.take(deskAAgain, "broadcast:9")) {
            deskAAgain.useTransaction(again::require);
        }
    }
}
