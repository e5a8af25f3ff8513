package app.herald.cli;

import app.herald.message.MessageAnalyser;
import com.fasterxml.jackson.annotation.JsonInclude;
import app.herald.message.MessageAnalysis;
import app.herald.message.NonGsmCharacter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = {"Counts a message as Twilio does: its encoding, characters and segments.",
            "It names the characters that force UCS-2. With - it reads standard input, one JSON string per line"
                + " (so a message may hold line breaks), and answers one line per message."})
final class AnalyseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TEXT", description = "The message, or - to read JSON strings from standard input.")
    private String text;

    @Option(names = "--smart-encoding",
            description = "Count as a Messaging Service with Smart Encoding sends it (look-alikes replaced when the"
                    + " message then fits GSM-7).")
    private boolean smartEncoding;

    @Option(names = "--json", description = "Print JSON: one object, or one per line with -.")
    private boolean json;

    /** The analysis as --json prints it; {@code smartEncoded} (whether look-alikes were replaced) only with --smart-encoding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonAnalysis(String body, String encoding, int characters, int segments, int lastSegmentUsed,
            int lastSegmentCapacity, List<String> nonGsm, List<NonGsmCharacter> nonGsmDetails, Boolean smartEncoded) {
    }

    /** A line of standard input that held no JSON string. */
    record JsonProblem(int line, String error) {
    }

    @Override
    public Integer call() throws IOException {
        if (!text.equals("-")) {
            print(text, false);
            return 0;
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        int problems = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                print(Json.readString(line), true);
            } catch (IllegalArgumentException e) {
                problems++;
                report(lineNumber, e.getMessage());
            }
        }
        return problems == 0 ? 0 : 1;
    }

    private void report(int lineNumber, String problem) {
        if (json) {
            spec.commandLine().getOut().println(Json.writeLine(new JsonProblem(lineNumber, problem)));
        } else {
            spec.commandLine().getErr().println("herald: line " + lineNumber + ": " + problem);
        }
    }

    private void print(String body, boolean oneLine) {
        MessageAnalysis analysis = smartEncoding ? MessageAnalyser.analyseSmartEncoded(body) : MessageAnalyser.analyse(body);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonAnalysis value = new JsonAnalysis(analysis.body(), analysis.encoding().label(), analysis.characters(),
                    analysis.segments(), analysis.lastSegmentUsed(), analysis.lastSegmentCapacity(),
                    analysis.nonGsm().stream().map(NonGsmCharacter::text).toList(), analysis.nonGsm(),
                    smartEncoding ? !analysis.body().equals(body) : null);
            out.println(oneLine ? Json.writeLine(value) : Json.write(value));
            return;
        }
        out.printf("%s, %,d characters, %d segment%s (the last holds %d of %d)%n", analysis.encoding().label(),
                analysis.characters(), analysis.segments(), analysis.segments() == 1 ? "" : "s",
                analysis.lastSegmentUsed(), analysis.lastSegmentCapacity());
        if (smartEncoding && !analysis.body().equals(body)) {
            out.println("Smart Encoding sends: " + analysis.body());
        }
        for (NonGsmCharacter character : analysis.nonGsm()) {
            out.printf("  %s at %d forces UCS-2%s%n", character.text(), character.index() + 1,
                    character.lookAlike() == null ? "" : "; Smart Encoding would send " + character.lookAlike());
        }
        if (analysis.tooLong()) {
            out.printf("Too long: Twilio takes at most %,d characters.%n", MessageAnalysis.MAX_BODY_CHARACTERS);
        }
    }
}
