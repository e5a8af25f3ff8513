package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Boundary cases from Twilio's documented rules, each worked out by hand. */
class MessageAnalyserTest {

    private static final String EMOJI = "\uD83D\uDE00";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";

    /** A body made of runs: "152*a" is 152 a's; runs are joined with '+'. */
    private static String body(String recipe) {
        StringBuilder text = new StringBuilder();
        for (String run : recipe.split("\\+")) {
            int star = run.indexOf('*');
            String unit = switch (run.substring(star + 1)) {
                case "emoji" -> EMOJI;
                case "family" -> FAMILY;
                case "euro" -> "€";
                case "zhe" -> "ж";
                default -> run.substring(star + 1);
            };
            text.append(unit.repeat(star < 0 ? 1 : Integer.parseInt(run.substring(0, star))));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0}: {1}, {2} characters, {3} segments, last {4}/{5}")
    @CsvSource({
        // GSM-7: 160 alone, 153 per part
        "1*a,                       GSM-7, 1,   1, 1,   160",
        "160*a,                     GSM-7, 160, 1, 160, 160",
        "161*a,                     GSM-7, 161, 2, 8,   153",
        "306*a,                     GSM-7, 306, 2, 153, 153",
        "307*a,                     GSM-7, 307, 3, 1,   153",
        // an extension character counts two and never straddles two parts
        "159*a+euro,                GSM-7, 161, 2, 8,   153",
        "152*a+euro+151*a,          GSM-7, 305, 2, 153, 153",
        "152*a+euro+152*a,          GSM-7, 306, 3, 1,   153",
        "158*a+[,                   GSM-7, 160, 1, 160, 160",
        // UCS-2: 70 alone, 67 per part
        "70*zhe,                    UCS-2, 70,  1, 70,  70",
        "71*zhe,                    UCS-2, 71,  2, 4,   67",
        "134*zhe,                   UCS-2, 134, 2, 67,  67",
        "135*zhe,                   UCS-2, 135, 3, 1,   67",
        // an emoji is one character but two code units, and never straddles two parts
        "66*zhe+emoji+1*zhe,        UCS-2, 68,  1, 69,  70",
        "66*zhe+emoji+3*zhe,        UCS-2, 70,  2, 5,   67",
        "66*zhe+emoji+65*zhe,       UCS-2, 132, 2, 67,  67",
        "66*zhe+emoji+66*zhe,       UCS-2, 133, 3, 1,   67",
        "60*zhe+family+10*zhe,      UCS-2, 71,  2, 21,  67",
    })
    void countsAsTwilioDoes(String recipe, String encoding, int characters, int segments, int lastUsed, int capacity) {
        MessageAnalysis analysis = MessageAnalyser.analyse(body(recipe));

        assertThat(analysis.encoding().label()).isEqualTo(encoding);
        assertThat(analysis.characters()).isEqualTo(characters);
        assertThat(analysis.segments()).isEqualTo(segments);
        assertThat(analysis.lastSegmentUsed()).isEqualTo(lastUsed);
        assertThat(analysis.lastSegmentCapacity()).isEqualTo(capacity);
    }

    @Test
    void oneCharacterOutsideGsmMakesTheWholeMessageUcs2AndIsPointedAt() {
        MessageAnalysis analysis = MessageAnalyser.analyse("It’s 5€, see you");

        assertThat(analysis.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(analysis.characters()).isEqualTo(16);
        assertThat(analysis.nonGsm()).containsExactly(new NonGsmCharacter("’", 2, "'"));
    }

    @Test
    void graphemesAreCountedWhole() {
        assertThat(MessageAnalyser.analyse(FAMILY).characters()).isEqualTo(1);
        assertThat(MessageAnalyser.analyse("\uD83C\uDDE9\uD83C\uDDEA").characters()).as("a flag").isEqualTo(1);
        assertThat(MessageAnalyser.analyse("\uD83D\uDC4D\uD83C\uDFFD").characters()).as("a skin tone").isEqualTo(1);
        MessageAnalysis decomposed = MessageAnalyser.analyse("Cafe\u0301");
        assertThat(decomposed.characters()).isEqualTo(4);
        assertThat(decomposed.nonGsm()).singleElement().extracting(NonGsmCharacter::text).isEqualTo("e\u0301");
        assertThat(MessageAnalyser.analyse("Café").encoding()).as("é is in the GSM alphabet").isEqualTo(Encoding.GSM_7);
    }

    @Test
    void aWindowsLineBreakIsTwoCharacters() {
        MessageAnalysis analysis = MessageAnalyser.analyse("Hi\r\nthere");

        assertThat(analysis.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(analysis.characters()).isEqualTo(9);
    }

    @Test
    void smartEncodingReplacesLookAlikesOnlyWhenTheMessageThenFitsGsm() {
        MessageAnalysis smart = MessageAnalyser.analyseSmartEncoded("“Don’t forget” – tomorrow…\u00a0ok");
        assertThat(smart.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(smart.body()).isEqualTo("\"Don't forget\" - tomorrow... ok");

        MessageAnalysis stillUcs2 = MessageAnalyser.analyseSmartEncoded("Don’t forget " + EMOJI);
        assertThat(stillUcs2.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(stillUcs2.body()).isEqualTo("Don’t forget " + EMOJI);
    }

    @Test
    void theBodyLimitCountsUnicodeCharacters() {
        assertThat(MessageAnalyser.analyse("a".repeat(1_600)).tooLong()).isFalse();
        assertThat(MessageAnalyser.analyse(EMOJI.repeat(1_600)).tooLong()).isFalse();
        assertThat(MessageAnalyser.analyse("a".repeat(1_601)).tooLong()).isTrue();
    }
}
