package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.storage.SharedServer;
import app.herald.storage.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** herald database check and copy-to: this computer's data moved to a real, empty PostgreSQL, whole. */
class DatabaseCommandsTest {

    @TempDir
    Path home;

    private SharedServer server;
    private CommandLineRun local;
    private CommandLineRun shared;

    @BeforeEach
    void setUp() throws Exception {
        server = TestPostgres.newDatabase();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TWILIO_") || name.startsWith("HERALD_"));
        local = new CommandLineRun(home, environment);
        environment.putAll(Map.of("HERALD_DATABASE_URL", server.url(), "HERALD_DATABASE_USER", server.user(),
                "HERALD_DATABASE_PASSWORD", server.password()));
        shared = new CommandLineRun(home, environment);

        Path csv = Files.writeString(home.resolve("parents.csv"), "Name,Phone,Room\nZoë Müller,+4915142883039,4b\n"
                + "Ana Lopez,+14155550132,2a\nBo Chen,+14155550133,2a\n");
        assertThat(local.herald("import", csv.toString(), "--list", "Parents", "--country", "US", "--keep", "Room")).isZero();
        assertThat(local.herald("optouts", "add", "+14155550133", "--reason", "asked us")).isZero();
        assertThat(local.herald("send", "--list", "Parents", "--message", "Room {room|?}: closed at noon", "--yes"))
                .as(local.err()).isZero();
    }

    @Test
    void theWholeDataMovesToTheSharedServerAndReadsTheSameThere() {
        assertThat(shared.herald("database", "check")).isZero();
        assertThat(shared.out()).contains("the database is empty: Herald will set it up.");
        List<String[]> commands = List.of(new String[] {"lists"}, new String[] {"contacts", "--list", "Parents", "--json"},
                new String[] {"optouts"}, new String[] {"history"}, new String[] {"recipients"});
        Map<String, String> before = new HashMap<>();
        for (String[] command : commands) {
            assertThat(local.herald(command)).isZero();
            before.put(String.join(" ", command), local.out());
        }

        assertThat(shared.herald("database", "copy-to")).as(shared.err()).isZero();

        assertThat(shared.out()).startsWith("Copied ").contains(" rows of this computer's data to localhost:");
        assertThat(shared.err()).contains("rows copied]");
        for (String[] command : commands) {
            assertThat(shared.herald(command)).isZero();
            assertThat(shared.out()).as(String.join(" ", command)).isEqualTo(before.get(String.join(" ", command)));
        }
        assertThat(shared.herald("database", "check")).isZero();
        assertThat(shared.out()).endsWith(": Herald's tables are there.\n");
        assertThat(shared.herald("backup")).isNotZero();
        assertThat(shared.err()).contains("it is backed up there (see docs/TEAM.md), not on this computer.");
        assertThat(shared.herald("restore", "--yes")).isNotZero();
        assertThat(shared.err()).contains("restore the server's own backup there");
        // the next broadcast is number 2 there too
        assertThat(shared.herald("send", "--list", "Parents", "--message", "Open again tomorrow", "--yes")).isZero();
        assertThat(shared.herald("history")).isZero();
        assertThat(shared.out()).containsPattern("(?m)^\\s*2\\s");
    }

    @Test
    void aSharedDatabaseThatHoldsDataAlreadyIsNotCopiedInto() {
        assertThat(shared.herald("database", "copy-to")).isZero();

        assertThat(shared.herald("database", "copy-to")).isNotZero();
        assertThat(shared.err()).contains("The shared database already holds Herald's data (1 list, 1 broadcast).");
    }

    @Test
    void withoutASharedServerNamedCopyToSaysWhatToSet() {
        assertThat(local.herald("database", "check")).isZero();
        assertThat(local.out()).startsWith("Herald's data is on this computer, in ");
        assertThat(local.herald("database", "copy-to")).isNotZero();
        assertThat(local.err()).contains("No shared server is named: set HERALD_DATABASE_URL");
    }
}
