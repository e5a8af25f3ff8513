package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.contacts.Country;
import app.herald.settings.DataFolder;
import app.herald.settings.UiPreferences;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** herald import, lists and export on a real data folder and real files. */
class ContactCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path files;

    private StringWriter out;
    private StringWriter err;

    private int herald(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path sample(String name) throws Exception {
        return Path.of(getClass().getResource("/samples/" + name).toURI());
    }

    @Test
    void importPrintsTheReportAsJson() throws Exception {
        assertThat(herald("import", sample("messy-us.csv").toString(), "--list", "Clients", "--country", "US", "--json"))
                .isZero();

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("imported").asLong()).isEqualTo(8);
        assertThat(report.get("duplicates").asLong()).isEqualTo(2);
        assertThat(report.get("invalid").asLong()).isEqualTo(4);
        assertThat(report.get("optedOut").asLong()).isZero();
        assertThat(report.get("rejected")).hasSize(4);
        JsonNode first = report.get("rejected").get(0);
        assertThat(first.get("row").asLong()).isEqualTo(6);
        assertThat(first.get("value").asText()).isEqualTo("555-1234");
        assertThat(first.get("reason").asText()).contains("too short");
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws Exception {
        herald("import", sample("google-contacts.csv").toString(), "--list", "Parents", "--country", "US");
        herald("import", sample("google-contacts.csv").toString(), "--list", "parents", "--country", "US", "--json");

        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("imported").asLong()).isZero();
        assertThat(report.get("duplicates").asLong()).isEqualTo(138);

        assertThat(herald("lists", "--json")).isZero();
        JsonNode lists = new ObjectMapper().readTree(out.toString());
        assertThat(lists).hasSize(1);
        assertThat(lists.get(0).get("name").asText()).isEqualTo("Parents");
        assertThat(lists.get(0).get("contacts").asLong()).isEqualTo(130);
    }

    @Test
    void aChosenColumnAndDelimiterWin() throws Exception {
        Path file = files.resolve("pipes.txt");
        Files.writeString(file, "who|home|cell\nAna|+1 415 555 0132|+1 415 555 0133\n");

        assertThat(herald("import", file.toString(), "--list", "L", "--country", "US", "--delimiter", "|",
                "--column", "home", "--json")).isZero();

        assertThat(new ObjectMapper().readTree(out.toString()).get("imported").asLong()).isEqualTo(1);
        herald("export", "--list", "L", files.resolve("out.csv").toString());
        assertThat(Files.readString(files.resolve("out.csv"))).contains("+14155550132").doesNotContain("+14155550133");
    }

    @Test
    void exportIsUtf8WithBomAndNeutralisesFormulas() throws Exception {
        Path file = files.resolve("evil.csv");
        Files.writeString(file, "name,phone\n=HYPERLINK(\"http://x\"),+1 415 555 0132\n@SUM(A1),+1 415 555 0133\n");
        herald("import", file.toString(), "--list", "Evil", "--country", "US");

        assertThat(herald("export", "--list", "Evil", files.resolve("evil-out.csv").toString())).isZero();

        byte[] bytes = Files.readAllBytes(files.resolve("evil-out.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK", "'@SUM(A1)", "'+14155550132").doesNotContain(",=", ",@");
        assertThat(out.toString()).contains("Exported 2 contacts");
    }

    @Test
    void aBadFileIsOneClearLineAndExitCodeOne() throws Exception {
        Path empty = Files.createFile(files.resolve("empty.csv"));

        assertThat(herald("import", empty.toString(), "--list", "L", "--country", "US")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("herald: The file is empty.");

        assertThat(herald("export", "--list", "Nope", files.resolve("x.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("There is no list called \"Nope\"");
    }

    @Test
    void optedOutNumbersAreImportedMarkedAndCounted() throws Exception {
        assertThat(herald("optouts", "add", "(415) 555-0132", "--country", "US", "--reason", "replied STOP")).isZero();
        assertThat(out.toString()).as("as people read it").contains("+1 415-555-0132 is opted out.");
        herald("optouts", "add", "+14155550132");
        assertThat(out.toString()).contains("was already opted out");

        herald("import", sample("messy-us.csv").toString(), "--list", "Clients", "--country", "US", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get("optedOut").asLong()).isEqualTo(1);
        herald("lists", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get(0).get("optedOut").asLong()).isEqualTo(1);

        herald("optouts", "--json");
        JsonNode optOuts = new ObjectMapper().readTree(out.toString());
        assertThat(optOuts).hasSize(1);
        assertThat(optOuts.get(0).get("reason").asText()).isEqualTo("replied STOP");

        assertThat(herald("optouts", "remove", "+1 415 555 0132")).isZero();
        herald("lists", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get(0).get("optedOut").asLong()).isZero();
    }

    @Test
    void optOutsCanBeImportedFromAFile() throws Exception {
        Path file = files.resolve("stop.csv");
        Files.writeString(file, "phone,when\n+1 415 555 0132,monday\n+1 415 555 0133,tuesday\nnonsense,x\n");

        assertThat(herald("optouts", "import", file.toString(), "--country", "US", "--reason", "STOP replies")).isZero();

        assertThat(out.toString()).contains("Opted out 2 numbers (0 already were); 1 values were not numbers.");
        herald("optouts", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get(0).get("source").asText()).isEqualTo("import of stop.csv");
    }

    @Test
    void aNationalOptOutNumberNeedsItsCountry() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            assertThat(herald("optouts", "add", "(415) 555-0132")).isEqualTo(1);
            assertThat(err.toString()).contains("--country");
            assertThat(herald("optouts", "add", "+1 415 555 0132")).isZero();
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anInvalidOptOutNumberIsRefused() {
        assertThat(herald("optouts", "add", "555-1234", "--country", "US")).isEqualTo(1);
        assertThat(err.toString()).contains("\"555-1234\" is too short");
    }

    @Test
    void withoutCountryTheCommandLineTakesTheOneChosenInSettingsAsTheWindowDoes() throws Exception {
        UiPreferences preferences = UiPreferences.load(new DataFolder(home).uiPreferences());
        preferences.setDefaultCountry(Country.find("GB").orElseThrow());
        preferences.save();
        Path file = files.resolve("uk.csv");
        Files.writeString(file, "Name,Mobile\r\nAmelia,07400 123456\r\n", StandardCharsets.UTF_8);

        assertThat(herald("import", file.toString(), "--list", "UK", "--json")).as(err::toString).isZero();
        assertThat(herald("optouts", "add", "07400 123457")).as(err::toString).isZero();

        assertThat(herald("export", "--list", "UK", files.resolve("uk-out.csv").toString())).isZero();
        assertThat(Files.readString(files.resolve("uk-out.csv"), StandardCharsets.UTF_8)).contains("+447400123456");
        assertThat(herald("optouts", "--json")).isZero();
        assertThat(out.toString()).contains("+447400123457");
    }

    @Test
    void contactsAreFoundByDigitsFromAnyPositionAndByAnyPartOfTheName() throws Exception {
        Path file = files.resolve("clients.csv");
        Files.writeString(file, "Name,Mobile\r\nAna López,+1 415 555 0132\r\nBen Kim,+1 212 555 0199\r\n"
                + "Cleo Ana,(415) 555-0177\r\n", StandardCharsets.UTF_8);
        herald("import", file.toString(), "--list", "Clients", "--country", "US");
        herald("optouts", "add", "+14155550177");

        assertThat(herald("contacts", "--list", "clients", "--search", "555 01", "--json")).isZero();
        JsonNode digits = new ObjectMapper().readTree(out.toString());
        assertThat(digits).extracting(contact -> contact.get("e164").asText())
                .containsExactlyInAnyOrder("+14155550132", "+12125550199", "+14155550177");
        assertThat(digits).filteredOn(contact -> contact.get("optedOut").asBoolean())
                .extracting(contact -> contact.get("name").asText()).containsExactly("Cleo Ana");

        assertThat(herald("contacts", "--list", "Clients", "--search", "ana", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).extracting(contact -> contact.get("name").asText())
                .containsExactlyInAnyOrder("Ana López", "Cleo Ana");

        assertThat(herald("contacts", "--list", "Clients", "--limit", "2")).isZero();
        assertThat(out.toString().lines()).hasSize(3).last().asString().contains("--limit 0");
        assertThat(herald("contacts", "--list", "Clients", "--search", "nobody")).isZero();
        assertThat(out.toString()).contains("Nothing in the list matches \"nobody\"");
        assertThat(herald("contacts", "--list", "Nobody")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no list called \"Nobody\"");
    }

    @Test
    void controlCharactersFromAFileNeverReachTheTerminalNorTheDatabase() throws Exception {
        StringBuilder text = new StringBuilder("phone,name\n+14155550132,\"\u001B[2J\u001B]0;pwned\u0007Ann\"\n"
                + "\u001B[31mnot a number,Bob\n");
        // past what the format detection reads, where a NUL no longer makes it "not a text file"
        for (int i = 0; i < 12_000; i++) {
            text.append(String.format("+1202555%04d,Person number %d with a longer name%n", i % 10_000, i));
        }
        text.append("+14155550133,Ann\u0000Lee\n");
        Path file = Files.writeString(files.resolve("hostile.csv"), text, StandardCharsets.UTF_8);

        assertThat(herald("import", file.toString(), "--list", "Hostile", "--country", "US")).isZero();
        assertThat(out.toString()).doesNotContain("\u001B").contains("row 3: \"").contains("[31mnot a number");

        assertThat(herald("export", "--list", "Hostile", files.resolve("out.csv").toString())).isZero();
        String exported = Files.readString(files.resolve("out.csv"), StandardCharsets.UTF_8);
        assertThat(exported).doesNotContain("\u001B").doesNotContain("\u0000").doesNotContain("\u0007")
                .contains("+14155550132,[2J]0;pwnedAnn").contains("+14155550133,AnnLee");
        assertThat(herald("contacts", "--list", "Hostile", "--search", "pwned")).isZero();
        assertThat(out.toString()).contains("[2J]0;pwnedAnn").doesNotContain("\u001B");
    }
}
