package app.herald.contacts;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.csv.ColumnGuesser;
import app.herald.contacts.csv.ColumnMapping;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.CsvFiles;
import app.herald.contacts.csv.CsvFormat;
import app.herald.contacts.csv.CsvSniffer;
import app.herald.contacts.csv.ImportProgress;
import app.herald.contacts.csv.ImportRequest;
import app.herald.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search reads the list's blocks, not its rows: after an import, edits, deletes and additions
 * (through this Herald or another one on the same data), it finds exactly what testing every
 * contact with SQL's LIKE finds.
 */
class SearchIndexTest {

    private static final String[] SEARCHES = {"ana", "LÓPEZ", "415 2", "0151", "(212) 5", "zz", "7", "ö", "nobody", "+1 646"};

    @TempDir
    Path folder;

    private Database database;
    private Jdbi jdbi;
    private long list;
    private final Random random = new Random(7);

    @BeforeEach
    void importAList() throws Exception {
        database = TestDatabases.open(folder.resolve("herald"));
        jdbi = database.jdbi();
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 3_500; i++) {
            csv.append(name()).append(',').append(number()).append('\n');
        }
        Path file = Files.writeString(folder.resolve("people.csv"), csv);
        CsvFormat format = CsvSniffer.sniff(file);
        CsvFiles.Preview preview = CsvFiles.preview(file, format, 200);
        ColumnMapping mapping = ColumnGuesser.guess(preview.header(), preview.rows());
        new ContactImporter(jdbi).importFile(new ImportRequest(file, format, mapping, "US", "People", false),
                new ImportProgress());
        list = new RecipientLists(jdbi).find("People").orElseThrow().id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theImportWritesTheBlocksAndASearchReadsOnlyThem() {
        long imported = new Contacts(jdbi).count(list);
        assertThat(imported).isGreaterThan(3_000);
        assertThat(blocks()).isEqualTo(4);
        assertThat(stale()).isZero();
        assertFindsWhatLikeFinds(new Contacts(jdbi));
        assertThat(blocks()).isEqualTo(4);
    }

    @Test
    void editsDeletesAndAdditionsAreFoundByThisHeraldAndByAnother() {
        Contacts here = new Contacts(jdbi);
        Contacts there = new Contacts(jdbi);
        assertFindsWhatLikeFinds(here);
        List<Long> ids = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM contact WHERE list_id = :list ORDER BY id")
                .bind("list", list).mapTo(Long.class).list());
        for (int round = 0; round < 12; round++) {
            Contacts editor = round % 2 == 0 ? here : there;
            switch (round % 3) {
                case 0 -> editor.update(editor.find(ids.get(random.nextInt(ids.size()))).orElseThrow(), freeNumber(), ContactFields.named(name()));
                case 1 -> editor.delete(List.of(ids.remove(random.nextInt(ids.size())), ids.remove(random.nextInt(ids.size()))));
                default -> ids.add(editor.add(list, freeNumber(), name()).id());
            }
            assertFindsWhatLikeFinds(here);
            assertFindsWhatLikeFinds(there);
        }
        assertThat(stale()).isZero();
        // the four contacts added by hand went into the last block, not into a block each
        assertThat(blocks()).isEqualTo(4);
        assertFindsWhatLikeFinds(new Contacts(jdbi));
    }

    @Test
    void aDeletedListTakesItsBlocksWithIt() {
        new Contacts(jdbi).count(new ContactQuery(list, "ana"));
        new RecipientLists(jdbi).delete(list);
        assertThat(blocks()).isZero();
    }

    @Test
    void aListWithoutBlocksGetsThemAtItsFirstSearch() {
        long copied = TestContacts.list(jdbi, "Copied", 2_345);
        Contacts contacts = new Contacts(jdbi);
        assertThat(contacts.count(new ContactQuery(copied, "person 234"))).isEqualTo(7);
        assertThat((int) jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact_search_block WHERE list_id = :list")
                .bind("list", copied).mapTo(Integer.class).one())).isEqualTo(3);
        TestContacts.add(jdbi, copied, 3_000, 10);
        // Person 300 and the ten added behind the cache's back, found because the list's version moved
        assertThat(contacts.count(new ContactQuery(copied, "Person 300"))).isEqualTo(11);
    }

    private void assertFindsWhatLikeFinds(Contacts contacts) {
        for (String search : SEARCHES) {
            ContactQuery query = new ContactQuery(list, search);
            List<Long> expected = like(new SearchText(search));
            List<Long> found = new ArrayList<>();
            contacts.after(query, 0, 100_000).forEach(contact -> found.add(contact.id()));
            assertThat(found).as(search).isEqualTo(expected);
            assertThat(contacts.count(query)).as(search).isEqualTo(expected.size());
            if (expected.size() > 3) {
                long middle = expected.get(expected.size() / 2);
                assertThat(contacts.before(query, middle, 2)).extracting(Contact::id)
                        .containsExactlyElementsOf(expected.subList(expected.size() / 2 - 2, expected.size() / 2));
            }
        }
    }

    /** What the search found before it had blocks: every contact tested with LIKE. */
    private List<Long> like(SearchText text) {
        String condition = text.looksLikeANumber()
                ? "(LOWER(name) LIKE :name OR e164 LIKE :number)"
                : "LOWER(name) LIKE :name";
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM contact WHERE list_id = :list AND " + condition + " ORDER BY id")
                .bind("list", list).bind("name", text.namePattern()).bind("number", text.numberPattern())
                .mapTo(Long.class).list());
    }

    private int blocks() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact_search_block").mapTo(Integer.class).one());
    }

    private int stale() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact_search_block WHERE stale")
                .mapTo(Integer.class).one());
    }

    private String name() {
        String[] first = {"Ana", "Zoë", "Łukasz", "Björn", "Ana María", "", "Dana"};
        String[] last = {"López", "Müller", "Anand", "Smith", "O'Brien", "Zz Top"};
        String name = first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)];
        return name.isBlank() ? "" : name.strip();
    }

    private String number() {
        return switch (random.nextInt(4)) {
            case 0 -> "(415) " + (200 + random.nextInt(700)) + "-" + (1000 + random.nextInt(9000));
            case 1 -> "+1 212 " + (200 + random.nextInt(700)) + " " + (1000 + random.nextInt(9000));
            case 2 -> "646." + (200 + random.nextInt(700)) + "." + (1000 + random.nextInt(9000));
            default -> "+49 151 " + (10000000 + random.nextInt(89999999));
        };
    }

    /** A number no contact of the list has. */
    private String freeNumber() {
        while (true) {
            String e164 = "+1347" + (2000000 + random.nextInt(7999999));
            boolean taken = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM contact WHERE list_id = :list AND e164 = :e164")
                    .bind("list", list).bind("e164", e164).mapTo(Integer.class).one()) > 0;
            if (!taken) {
                return e164;
            }
        }
    }
}
