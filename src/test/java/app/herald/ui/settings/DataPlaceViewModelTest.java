package app.herald.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.DatabaseSettings;
import app.herald.settings.LocalSettings;
import app.herald.settings.SecretStores;
import app.herald.storage.Database;
import app.herald.storage.SharedServer;
import app.herald.storage.TestPostgres;
import app.herald.ui.common.SameThreadTasks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Where Herald keeps its data", on a real PostgreSQL: the test's words, the move of this computer's data, the saved choice. */
class DataPlaceViewModelTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.herald.ui.messages");
    private static final Map<String, String> FILE_STORE = Map.of(SecretStores.CHOICE_VARIABLE, "file");

    @TempDir
    Path home;

    @Test
    void aTestedServerGetsThisComputersDataAndIsChosenForTheNextStart() throws Exception {
        SharedServer server = TestPostgres.newDatabase();
        URI address = URI.create(server.url().substring("jdbc:".length()));
        LocalSettings settings = LocalSettings.load(new DataFolder(home), FILE_STORE);
        List<Double> progress = new ArrayList<>();
        try (HeraldCore core = HeraldCore.open(settings)) {
            long list = core.lists().create("Parents").id();
            core.contacts().add(list, "+14155550132", "Ana");
            DataPlaceViewModel place = new DataPlaceViewModel(settings.database(), Database::check,
                    core::copyDataTo, Optional.empty(), SameThreadTasks.create(), Runnable::run, BUNDLE);
            place.progressProperty().addListener((observable, was, now) -> progress.add(now.doubleValue()));
            place.load();
            assertThat(place.sharedProperty().get()).isFalse();
            assertThat(place.canMove()).isTrue();

            place.sharedProperty().set(true);
            place.hostProperty().set(address.getHost());
            place.portProperty().set("postgres");
            place.test();
            assertThat(place.answerProperty().get()).isEqualTo("The port is a number, usually 5432.");
            assertThat(place.answerIsProblemProperty().get()).isTrue();

            place.portProperty().set(String.valueOf(address.getPort()));
            place.databaseProperty().set(address.getPath().substring(1));
            place.userProperty().set(server.user());
            // the test server trusts local users whatever their password: it is kept all the same
            place.passwordProperty().set("s3cret-pw");
            place.tlsProperty().set(false);
            place.test();
            assertThat(place.answerProperty().get()).contains("the database is empty: Herald will set it up.");

            place.moveData();
            assertThat(place.answerProperty().get()).startsWith("Copied ").contains("Herald works on the shared server from its next start");
            assertThat(place.answerIsProblemProperty().get()).isFalse();
            assertThat(progress).as("the bar moved, and ended").contains(1.0).last().isEqualTo(0.0);
        }

        DatabaseSettings saved = settings.database().load();
        assertThat(saved.shared()).isTrue();
        assertThat(settings.sharedDatabase()).hasValueSatisfying(chosen -> assertThat(chosen.where())
                .isEqualTo(address.getHost() + ":" + address.getPort() + address.getPath()));
        try (HeraldCore next = HeraldCore.open(LocalSettings.load(new DataFolder(home), FILE_STORE))) {
            assertThat(next.sharedServer()).isPresent();
            assertThat(next.lists().all()).extracting(list -> list.name() + " " + list.contacts()).containsExactly("Parents 1");
        }
        assertThat(settings.database().password()).contains("s3cret-pw");
        assertThat(Files.readString(home.resolve("database.properties"))).contains("shared=true").doesNotContain("s3cret-pw");
    }
}
