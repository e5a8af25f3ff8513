package app.herald.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.ChildHerald;
import app.herald.contacts.TestContacts;
import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald send} killed with SIGKILL while it plans (and sends): after the next start every
 * broadcast in the history has all its recipients in its batches, and none is left half-planned.
 */
class PlanCrashTest {

    private static final int RECIPIENTS = 150_000;
    private static final int KILLS = 8;

    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void aKilledPlanLeavesNoBroadcastOrAWholeOne() throws Exception {
        try (Storage storage = TestStorage.open(home)) {
            TestContacts.list(storage.jdbi(), "All", RECIPIENTS);
        }
        Map<String, String> environment = Map.of("HERALD_HOME", home.toString());
        String[] sending = {"send", "--channel", "notify", "--list", "All", "--message", "School closes at noon", "--yes"};
        Path output = files.resolve("child.out");
        long whole = ChildHerald.timeToEnd(environment, output, sending);

        List<String> outcomes = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long after = whole * kill / (KILLS + 1);
            ChildHerald.killAfter(after, environment, output, sending);
            HeraldCore.open(LocalSettings.load(new DataFolder(home), Map.of())).close();
            outcomes.add(after + " ms: " + checkEveryBroadcastIsWhole());
        }
        System.out.println("PlanCrashTest: whole send " + whole + " ms; " + outcomes);
    }

    /** @return how many broadcasts there are */
    private long checkEveryBroadcastIsWhole() throws Exception {
        try (Storage storage = TestStorage.open(home)) {
            Jdbi jdbi = storage.jdbi();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM broadcast WHERE state = 'PLANNING'")).as("nothing half-planned").isZero();
            for (BroadcastSummary broadcast : new Broadcasts(jdbi).all()) {
                long inBatches = broadcast.batches().stream().mapToLong(Batch::size).sum();
                long snapshotted = count(jdbi, "SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = " + broadcast.id());
                assertThat(inBatches).as("broadcast %d: its batches hold every recipient", broadcast.id()).isEqualTo(RECIPIENTS);
                assertThat(snapshotted).as("broadcast %d: its snapshot", broadcast.id()).isEqualTo(RECIPIENTS);
                assertThat(broadcast.recipients()).isEqualTo(RECIPIENTS);
            }
            assertThat(count(jdbi, "SELECT COUNT(*) FROM broadcast_recipient r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM broadcast b WHERE b.id = r.broadcast_id)")).as("no recipient without its broadcast").isZero();
            return count(jdbi, "SELECT COUNT(*) FROM broadcast");
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
