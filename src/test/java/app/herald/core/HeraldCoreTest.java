package app.herald.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.broadcast.Batch;
import app.herald.broadcast.SendState;
import app.herald.broadcast.Journal;
import app.herald.broadcast.TestBroadcasts;
import app.herald.contacts.TestContacts;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import app.herald.storage.StorageException;
import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core the window and the command line both open: recovery at open, everything closed at close. */
class HeraldCoreTest {

    @TempDir
    Path home;

    private LocalSettings settings() {
        return LocalSettings.load(new DataFolder(home), Map.of());
    }

    @Test
    void aBatchADeadHeraldLeftInFlightIsUncertainOnceTheCoreIsOpen() throws Exception {
        long broadcast;
        try (Storage storage = TestStorage.open(home)) {
            long list = TestContacts.list(storage.jdbi(), "Parents", 12_000);
            broadcast = TestBroadcasts.plan(storage.jdbi(), "Hello", List.of(list));
            new Journal(storage.jdbi()).inFlight(broadcast, 1);
        }

        try (HeraldCore core = HeraldCore.open(settings())) {
            assertThat(core.history().find(broadcast).orElseThrow().batches()).extracting(Batch::state)
                    .containsExactly(SendState.UNCERTAIN, SendState.PENDING);
            assertThat(core.history().anyNeedsAPerson()).isTrue();
        }
    }

    @Test
    void closingStopsTheSimulatorAndReleasesTheDataFolder() throws Exception {
        TwilioConnection simulation;
        try (HeraldCore core = HeraldCore.open(settings())) {
            assertThatThrownBy(() -> HeraldCore.open(settings())).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("Herald is already open");
            simulation = core.twilio().current();
            assertThat(simulation.channel().send(List.of("+14155550100"), "Hello"))
                    .as("a new setup simulates a Messaging Service").startsWith("SM");
        }

        assertThatThrownBy(() -> simulation.channel().send(List.of("+14155550100"), "Hello"))
                .isInstanceOf(GatewayException.class);
        try (HeraldCore again = HeraldCore.open(settings())) {
            assertThat(again.lists().all()).isEmpty();
        }
    }
}
