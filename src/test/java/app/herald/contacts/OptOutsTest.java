package app.herald.contacts;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.herald.storage.Database;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global opt-out list on real H2. */
class OptOutsTest {

    @TempDir
    Path folder;

    private Database database;
    private OptOuts optOuts;

    @BeforeEach
    void open() {
        database = TestDatabases.open(folder.resolve("herald"));
        optOuts = new OptOuts(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void manyNumbersAreOptedOutTogetherAndTheFirstReasonStays() {
        optOuts.add("+14155550101", "phoned", "test");

        int added = optOuts.addAll(List.of("+14155550100", "+14155550101", "+14155550102"), "asked", "lists");

        assertThat(added).isEqualTo(2);
        assertThat(optOuts.all()).extracting(OptOut::e164, OptOut::reason).containsExactlyInAnyOrder(
                tuple("+14155550100", "asked"),
                tuple("+14155550101", "phoned"),
                tuple("+14155550102", "asked"));
    }

    @Test
    void aWriteThatFailsOptsNobodyOut() {
        // not E.164 (no country code starts with 0): the table refuses it, after the first number was written
        List<String> numbers = List.of("+14155550100", "+04155550100");

        assertThatThrownBy(() -> optOuts.addAll(numbers, "asked", "lists")).isInstanceOf(RuntimeException.class);

        assertThat(optOuts.all()).isEmpty();
    }
}
