package app.herald.contacts.csv;

import app.herald.storage.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.RecipientLists;
import app.herald.storage.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real export in the samples (a copy of ../shared/data) yields what its expected.json says. */
class SampleFilesTest {

    @TempDir
    Path home;

    private Database database;

    @BeforeEach
    void openDatabase() {
        database = TestDatabases.open(home.resolve("herald"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    static Stream<Arguments> samples() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(sample("expected.json").toFile());
        List<Arguments> samples = new ArrayList<>();
        expected.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("_")) {
                samples.add(Arguments.of(name, expected.get(name)));
            }
        });
        return samples.stream();
    }

    static Path sample(String name) throws URISyntaxException {
        return Path.of(SampleFilesTest.class.getResource("/samples/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void yieldsWhatIsExpected(String name, JsonNode expected) throws Exception {
        Path file = sample(name);
        CsvFormat format = CsvSniffer.sniff(file);
        CsvFiles.Preview preview = CsvFiles.preview(file, format, 200);
        ColumnMapping mapping = ColumnGuesser.guess(preview.header(), preview.rows());

        assertThat(format.hasHeader()).isTrue();
        assertThat(preview.header().get(mapping.phone())).isEqualTo(expected.get("phone_column").asText());
        if (expected.has("delimiter")) {
            assertThat(format.delimiter()).isEqualTo(expected.get("delimiter").asText().charAt(0));
        }
        if (expected.has("encoding")) {
            String encoding = expected.get("encoding").asText();
            assertThat(format.encoding()).isEqualTo(encoding.startsWith("UTF-16LE")
                    ? StandardCharsets.UTF_16LE : CsvSniffer.WINDOWS_1252);
        }

        ImportReport report = new ContactImporter(database.jdbi()).importFile(
                new ImportRequest(file, format, mapping, expected.get("region").asText(), name, true), new ImportProgress());
        long list = new RecipientLists(database.jdbi()).find(name).orElseThrow().id();

        assertThat(report.imported()).isEqualTo(expected.get("valid_unique").asLong());
        if (expected.has("rows")) {
            assertThat(report.rows()).isEqualTo(expected.get("rows").asLong());
        }
        if (expected.has("mangled_rows")) {
            assertThat(report.rejected()).filteredOn(rejected -> rejected.reason().startsWith("damaged by Excel"))
                    .hasSize(expected.get("mangled_rows").asInt());
        }
        if (expected.has("valid")) {
            List<String> numbers = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT e164 FROM contact WHERE list_id = :list").bind("list", list).mapTo(String.class).list());
            List<String> valid = new ArrayList<>();
            expected.get("valid").forEach(number -> valid.add(number.asText()));
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(valid);
        }
    }
}
