package app.herald.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.Journal;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.TestContacts;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.ui.HeraldWindowTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Herald starting after a send died mid-batch: it says so at once and shows what is known. */
class InterruptedBroadcastTest extends HeraldWindowTest {

    @Test
    void anInterruptedSendIsPointedOutAtStartUp() throws Exception {
        try (Storage storage = TestStorage.open(home)) {
            long list = TestContacts.list(storage.jdbi(), "Parents", 12_000);
            long broadcast = TestBroadcasts.plan(storage.jdbi(), "Hello", List.of(list));
            // the process died while batch 1 was on its way
            new Journal(storage.jdbi()).inFlight(broadcast, 1);
        }

        startHerald().waitUntilReady();
        confirm("Open History");

        herald.waitFor(() -> robot.lookup("#batchTable").tryQuery().isPresent()
                && robot.lookup("#batchTable").queryTableView().getItems().size() == 2);
        assertThat(robot.lookup("#batchTable").queryTableView().getItems())
                .extracting(batch -> ((Batch) batch).state()).containsExactly(SendState.UNCERTAIN, SendState.PENDING);
        assertThat(herald.shows("A broadcast has batches not sent yet, or batches that may or may not have gone out."
                + " Choose it below.")).isTrue();
        assertThat(robot.lookup("#resumeButton").queryButton().isDisabled()).isFalse();
    }
}
