package app.herald.contacts.csv;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.ChildHerald;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.core.HeraldCore;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.storage.Storage;
import app.herald.storage.TestStorage;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald import} killed with SIGKILL at many moments (while copying, inserting, committing,
 * publishing): afterwards a new list is complete or absent, a replaced one is whole (the old one,
 * half the file's numbers, or the new one, all of them), never part of the file, and the table and each of its
 * indexes hold the same rows. With H2's write delay lifted during the import, this test found a
 * table and its index disagreeing; with the settings Herald uses, it never has.
 */
class ImportCrashTest {

    private static final int ROWS = 60_000;
    private static final int KILLS = 16;

    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void aKilledImportLeavesTheListCompleteOrAbsent() throws Exception {
        Path csv = files.resolve("contacts.csv");
        writeShuffledNumbers(csv, ROWS);
        // what the list holds before an import that replaces it: half of the file's numbers
        Path half = files.resolve("half.csv");
        writeShuffledNumbers(half, ROWS / 2);
        Map<String, String> environment = Map.of("HERALD_HOME", home.toString());
        String[] importing = {"import", csv.toString(), "--list", "Parents", "--country", "US", "--include-landlines"};
        Path output = files.resolve("child.out");

        // one import to its end, into a new list, timed
        long whole = ChildHerald.timeToEnd(environment, output, importing);
        assertThat(listSize()).as("the file's every number").contains((long) ROWS);
        List<String> outcomes = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            // half the kills hit an import into a new list, half one that replaces the list of that name
            boolean replacing = kill % 2 == 1;
            prepare(replacing, half);
            long after = whole * kill / (KILLS + 1);
            ChildHerald.killAfter(after, environment, output, importing);

            Optional<Long> size = listSize();
            outcomes.add((replacing ? "replacing" : "new") + " killed at " + after + " ms: "
                    + size.map(String::valueOf).orElse("absent"));
            if (replacing) {
                assertThat(size).as("after a kill at %d ms of %d: %s", after, whole, outcomes)
                        .satisfiesAnyOf(s -> assertThat(s).contains((long) ROWS / 2), s -> assertThat(s).contains((long) ROWS));
            } else {
                assertThat(size).as("after a kill at %d ms of %d: %s", after, whole, outcomes)
                        .satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).contains((long) ROWS));
            }
        }
        System.out.println("ImportCrashTest: whole import " + whole + " ms; " + outcomes);
        assertThat(outcomes).as("some kills came in the middle of an import into a new list")
                .anyMatch(outcome -> outcome.startsWith("new") && outcome.endsWith("absent"));
    }

    /** The list there, complete (imported here when it is not), or not there at all. */
    private void prepare(boolean listThere, Path csv) throws Exception {
        try (HeraldCore core = HeraldCore.open(LocalSettings.load(new DataFolder(home), Map.of()))) {
            Optional<RecipientList> list = core.lists().find("Parents");
            if (!listThere && list.isPresent()) {
                core.lists().delete(list.get().id());
            } else if (listThere && list.isEmpty()) {
                ContactFiles.Inspection inspection = ContactFiles.inspect(csv);
                core.contactImporter().importFile(new ImportRequest(csv, inspection.format(), inspection.guess(), "US",
                        "Parents", true), new ImportProgress());
            }
        }
    }

    /** The list's size once Herald has opened again (and removed what a crash left), after checking the indexes agree. */
    private Optional<Long> listSize() throws Exception {
        HeraldCore.open(LocalSettings.load(new DataFolder(home), Map.of())).close();
        try (Storage storage = TestStorage.open(home)) {
            Jdbi jdbi = storage.jdbi();
            long table = count(jdbi, "SELECT COUNT(*) FROM contact USE INDEX () WHERE list_id > 0");
            List<String> indexes = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT index_name FROM information_schema.indexes WHERE table_name = 'CONTACT'").mapTo(String.class).list());
            assertThat(indexes).hasSizeGreaterThanOrEqualTo(3);
            for (String index : indexes) {
                assertThat(count(jdbi, "SELECT COUNT(*) FROM contact USE INDEX (\"" + index + "\") WHERE list_id > 0"))
                        .as("the index %s agrees with the table", index).isEqualTo(table);
            }
            assertThat(count(jdbi, "SELECT COUNT(*) FROM recipient_list WHERE state <> 'VISIBLE'"))
                    .as("nothing hidden is left").isZero();
            Optional<RecipientList> list = new RecipientLists(jdbi).find("Parents");
            assertThat(table).as("no contact outside the list").isEqualTo(list.map(RecipientList::contacts).orElse(0L));
            return list.map(RecipientList::contacts);
        }
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    /** Distinct New York numbers in random order, as a real export has them: the first {@code rows} of one order. */
    private static void writeShuffledNumbers(Path csv, int rows) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Name,Mobile\r\n");
            for (int i : order.subList(0, rows)) {
                out.write("Person " + i + "," + String.format("+1 212 %03d %04d", 200 + i / 10_000, i % 10_000) + "\r\n");
            }
        }
    }
}
