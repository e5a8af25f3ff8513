package app.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.herald.settings.DataFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** herald analyse: one message from the arguments, or many as JSON lines on standard input. */
class AnalyseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int herald(String... args) {
        CommandLine commandLine = HeraldCommand.commandLine(new DataFolder(home));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int heraldReading(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return herald(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void jsonSaysEncodingCharactersSegmentsAndWhatForcesUcs2() throws Exception {
        assertThat(herald("analyse", "--json", "It’s 5€, see you")).isZero();

        JsonNode analysis = JSON.readTree(out.toString());
        assertThat(analysis.get("encoding").asText()).isEqualTo("UCS-2");
        assertThat(analysis.get("characters").asInt()).isEqualTo(16);
        assertThat(analysis.get("segments").asInt()).isEqualTo(1);
        assertThat(analysis.get("nonGsm").get(0).asText()).isEqualTo("’");
        assertThat(analysis.has("smartEncoded")).isFalse();
    }

    @Test
    void smartEncodingCountsWhatTheServiceSends() throws Exception {
        assertThat(herald("analyse", "--json", "--smart-encoding", "“Hello” – it’s me")).isZero();

        JsonNode analysis = JSON.readTree(out.toString());
        assertThat(analysis.get("encoding").asText()).isEqualTo("GSM-7");
        assertThat(analysis.get("body").asText()).isEqualTo("\"Hello\" - it's me");
        assertThat(analysis.get("smartEncoded").asBoolean()).isTrue();
    }

    @Test
    void standardInputTakesOneJsonStringPerLineAndAnswersOneLineEach() throws Exception {
        int exit = heraldReading("\"Hi\\r\\nthere\"\n\n\"" + "a".repeat(161) + "\"\nnot json\n", "analyse", "--json", "-");

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("characters").asInt()).isEqualTo(9);
        assertThat(JSON.readTree(lines[1]).get("segments").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines[2]).get("line").asInt()).isEqualTo(4);
        assertThat(exit).as("a line that was not JSON").isEqualTo(1);
    }

    @Test
    void aLineIsExactlyOneJsonStringNotTheFirstOfSeveralValues() throws Exception {
        int exit = heraldReading("\"a\" \"b\"\n\"hello\" world\n\"ok\"\n", "analyse", "--json", "-");

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("line").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(lines[0]).get("error").asText()).contains("nothing after it");
        assertThat(JSON.readTree(lines[1]).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines[2]).get("body").asText()).isEqualTo("ok");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void withoutJsonItExplainsInWords() {
        assertThat(herald("analyse", "Don’t")).isZero();

        assertThat(out.toString()).startsWith("UCS-2, 5 characters, 1 segment (the last holds 5 of 70)")
                .contains("’ at 4 forces UCS-2; Smart Encoding would send '");
    }
}
