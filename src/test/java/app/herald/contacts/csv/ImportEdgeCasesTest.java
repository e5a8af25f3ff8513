package app.herald.contacts.csv;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.contacts.RecipientLists;
import app.herald.storage.Database;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and unusual files: each gets a clear answer, and a failed import leaves the list as it was. */
class ImportEdgeCasesTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.open(folder.resolve("herald"));
        new RecipientLists(database.jdbi()).create("Clients");
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Path file(String name, String text) throws Exception {
        return file(name, text, StandardCharsets.UTF_8);
    }

    private Path file(String name, String text, Charset charset) throws Exception {
        return Files.write(folder.resolve(name), text.getBytes(charset));
    }

    /** Sniffs, guesses and imports as the dialog and the command line do. */
    private ImportReport importFile(Path file, ImportProgress progress) {
        CsvFormat format = CsvSniffer.sniff(file);
        CsvFiles.Preview preview = CsvFiles.preview(file, format, 200);
        ColumnMapping mapping = ColumnGuesser.guess(preview.header(), preview.rows());
        return new ContactImporter(database.jdbi())
                .importFile(new ImportRequest(file, format, mapping, "US", "Clients", false), progress);
    }

    private ImportReport importFile(Path file) {
        return importFile(file, new ImportProgress());
    }

    /** The list's numbers in its order; found by name, since an import puts a new list in its place. */
    private List<String> numbersInList() {
        long list = new RecipientLists(database.jdbi()).find("Clients").orElseThrow().id();
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT e164 FROM contact WHERE list_id = :list ORDER BY id")
                .bind("list", list).mapTo(String.class).list());
    }

    /**
     * Rows are checked on several threads and taken back in the file's order: over many runs of
     * rows, the first of two rows with one number keeps its name, and every rejected row is listed
     * with its own row number, in order.
     */
    @Test
    void rowsCheckedOnSeveralThreadsCountAsInTheFilesOrder() throws Exception {
        StringBuilder csv = new StringBuilder("name,phone\n");
        List<Long> badRows = new ArrayList<>();
        int rows = 25_000;
        for (int i = 1; i <= rows; i++) {
            long fileRow = i + 1;
            if (i % 997 == 0) {
                csv.append("Broken ").append(i).append(",12\n");
                badRows.add(fileRow);
            } else if (i % 1_003 == 0) {
                // the number of the row 500 rows before: a duplicate, which keeps nothing of its own
                csv.append("Copy ").append(i).append(",+1415").append(2_000_000 + i - 500).append('\n');
            } else {
                csv.append("Person ").append(i).append(",+1415").append(2_000_000 + i).append('\n');
            }
        }
        ImportReport report = importFile(file("many.csv", csv.toString()));

        assertThat(report.invalid()).isEqualTo(badRows.size());
        assertThat(report.rejected()).extracting(RejectedRow::row).containsExactlyElementsOf(badRows);
        assertThat(report.duplicates()).isEqualTo(rows / 1_003);
        assertThat(report.imported()).isEqualTo(rows - report.invalid() - report.duplicates());
        List<String> copies = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT name FROM contact WHERE name LIKE 'Copy%'").mapTo(String.class).list());
        assertThat(copies).isEmpty();
    }

    @Test
    void anEmptyFile() throws Exception {
        assertThatThrownBy(() -> importFile(file("empty.csv", ""))).hasMessage("The file is empty.");
    }

    @Test
    void aBinaryFile() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[10] = 0;
        Path file = Files.write(folder.resolve("photo.csv"), noise);

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(ImportProblem.class).hasMessageContaining("not a text file");
    }

    @Test
    void anExcelWorkbook() throws Exception {
        Path file = Files.write(folder.resolve("contacts.xlsx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});

        assertThatThrownBy(() -> importFile(file)).hasMessageContaining("Excel workbook").hasMessageContaining("CSV UTF-8");
    }

    @Test
    void aHeaderWithNoRows() throws Exception {
        assertThatThrownBy(() -> importFile(file("header.csv", "Name,Mobile\r\n")))
                .hasMessage("The file has a header row but no contacts under it.");
    }

    @Test
    void noColumnLooksLikeAPhone() throws Exception {
        assertThatThrownBy(() -> importFile(file("emails.csv", "name,email\nAna,ana@example.com\nBo,bo@example.com\n")))
                .hasMessageContaining("No column looks like phone numbers");
    }

    @Test
    void raggedRowsAndQuotedNewlines() throws Exception {
        ImportReport report = importFile(file("ragged.csv", """
                name,notes,phone
                "Grace
                Hopper",two lines,+1 202 555 0143
                Short row
                Long row,with,+1 415 555 0132,and,more
                """));

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.row()).isEqualTo(3);
            assertThat(rejected.reason()).contains("fewer columns");
        });
        String name = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT name FROM contact WHERE e164 = '+12025550143'").mapTo(String.class).one());
        assertThat(name).as("a name is one line wherever it is shown").isEqualTo("Grace Hopper");
    }

    @Test
    void windows1252AndUtf16BigEndianAreRead() throws Exception {
        Path latin = file("latin.csv", "Name;Handy\nZoë Müller;+49 151 42883039\n", Charset.forName("windows-1252"));
        assertThat(CsvSniffer.sniff(latin).encoding()).isEqualTo(CsvSniffer.WINDOWS_1252);
        importFile(latin);

        Path utf16 = file("utf16.txt", "\uFEFFName\tMobile\nJosé\t+44 7911 123456\n", StandardCharsets.UTF_16BE);
        CsvFormat format = CsvSniffer.sniff(utf16);
        assertThat(format.encoding()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(format.delimiter()).isEqualTo('\t');
        importFile(utf16);

        List<String> names = database.jdbi().withHandle(handle -> handle.createQuery("SELECT name FROM contact ORDER BY id")
                .mapTo(String.class).list());
        assertThat(names).as("both read right; a list is kept in number order").containsExactlyInAnyOrder("Zoë Müller", "José");
    }

    @Test
    void landlinesAreReportedNotDroppedSilently() throws Exception {
        ImportReport report = importFile(file("de.csv", "name,phone\nPraxis,+49 30 12345678\nAna,+49 151 42883039\n"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.landlines()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.value()).isEqualTo("+49 30 12345678");
            assertThat(rejected.reason()).contains("landline");
        });
    }

    @Test
    void aBrokenQuoteLateInTheFileImportsNothing() throws Exception {
        importFile(file("first.csv", "name,phone\nAna,+1 415 555 0132\n"));
        StringBuilder text = new StringBuilder("name,phone\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("Person ").append(i).append(",+1 415 555 ").append(String.format("%04d", i)).append('\n');
        }
        text.append("\"Broken,+1 202 555 0143\n");

        assertThatThrownBy(() -> importFile(file("broken.csv", text.toString())))
                .hasMessageContaining("quotation mark")
                .hasMessageContaining("row 3002");
        assertThat(numbersInList()).containsExactly("+14155550132");
    }

    @Test
    void anEncodingThatChangesLateInTheFileImportsNothingAndNamesTheRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("name,phone\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            bytes.writeBytes(("Person " + i + ",+1 415 555 " + String.format("%04d", i % 10_000) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'Z', 'o', (byte) 0xEB, ',', '+', '1', '2', '0', '2', '5', '5', '5', '0', '1', '4', '3', '\n'});
        Path file = Files.write(folder.resolve("mixed.csv"), bytes.toByteArray());

        // the header, 20,000 rows, then the bad one: the file's row 20,002, not where the read-ahead was
        assertThatThrownBy(() -> importFile(file)).hasMessageContaining("Row 20,002 of the file is not all UTF-8 text")
                .hasMessageContaining("Windows-1252");
        assertThat(numbersInList()).isEmpty();
    }

    @Test
    void aCancelledImportLeavesTheListAsItWas() throws Exception {
        StringBuilder text = new StringBuilder("name,phone\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("Person ").append(i).append(",+1 415 555 ").append(String.format("%04d", i)).append('\n');
        }
        ImportProgress progress = new ImportProgress();
        progress.cancel();

        assertThatThrownBy(() -> importFile(file("big.csv", text.toString()), progress))
                .isInstanceOf(CancellationException.class);
        assertThat(numbersInList()).isEmpty();
    }

    @Test
    void aFailedImportIntoANewListLeavesNoEmptyList() throws Exception {
        Path file = file("broken.csv", "name,phone\nAna,+1 415 555 0132\n\"Broken,+1 202 555 0143\n");
        CsvFormat format = CsvSniffer.sniff(file);
        ColumnMapping mapping = ColumnMapping.phoneOnly(1);
        ContactImporter importer = new ContactImporter(database.jdbi());

        assertThatThrownBy(() -> importer.importFile(
                new ImportRequest(file, format, mapping, "US", "New people", false), new ImportProgress()))
                .isInstanceOf(ImportProblem.class);
        assertThat(new RecipientLists(database.jdbi()).find("New people")).isEmpty();
    }
}
