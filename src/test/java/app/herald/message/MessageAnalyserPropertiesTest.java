package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random messages against a second, independent model of Twilio's calculator: characters sized in
 * bits, a segment of 1,120 bits, and when a message needs a second segment a 6-byte header in
 * every one, the first giving up characters from its end until it fits again.
 */
class MessageAnalyserPropertiesTest {

    /** Pieces whose characters are known: a Windows line break is two, everything else one. */
    private static final List<String> PIECES = List.of("a", "Z", " ", "€", "[", "~", "é", "ж", "’",
            "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "e\u0301", "\r\n", "\n");

    @Provide
    Arbitrary<List<String>> messages() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "Z", " ", "€", "[", "é", "\r\n").list().ofMaxSize(400),
                Arbitraries.of(PIECES).list().ofMaxSize(220));
    }

    @Property(tries = 2_000)
    void agreesWithTheBitModel(@ForAll("messages") List<String> pieces) {
        MessageAnalysis analysis = MessageAnalyser.analyse(String.join("", pieces));

        boolean gsm = pieces.stream().allMatch(piece -> piece.equals("\r\n") || GsmAlphabet.canCarry(piece)
                && piece.codePointCount(0, piece.length()) == 1);
        List<Integer> bits = new ArrayList<>();
        for (String piece : pieces) {
            for (String character : piece.equals("\r\n") ? List.of("\r", "\n") : List.of(piece)) {
                bits.add(gsm ? 7 * GsmAlphabet.septets(character.codePointAt(0)) : 16 * character.length());
            }
        }
        assertThat(analysis.encoding()).isEqualTo(gsm ? Encoding.GSM_7 : Encoding.UCS_2);
        assertThat(analysis.characters()).isEqualTo(gsm ? bits.stream().mapToInt(b -> b / 7).sum() : bits.size());
        assertThat(analysis.segments()).isEqualTo(segmentsByBits(bits));
    }

    @Property(tries = 500)
    void appendingNeverSavesASegment(@ForAll("messages") List<String> pieces, @ForAll("messages") List<String> more) {
        String body = String.join("", pieces);
        assertThat(MessageAnalyser.analyse(body + String.join("", more)).segments())
                .isGreaterThanOrEqualTo(MessageAnalyser.analyse(body).segments());
    }

    @Property(tries = 500)
    void smartEncodingMakesGsmWheneverEveryOddCharacterHasALookAlike(@ForAll("messages") List<String> pieces) {
        MessageAnalysis plain = MessageAnalyser.analyse(String.join("", pieces));
        boolean allReplaceable = plain.nonGsm().stream().allMatch(character -> character.lookAlike() != null);

        assertThat(MessageAnalyser.analyseSmartEncoded(plain.body()).encoding() == Encoding.GSM_7).isEqualTo(allReplaceable);
    }

    private static int segmentsByBits(List<Integer> bits) {
        List<List<Integer>> segments = new ArrayList<>();
        segments.add(new ArrayList<>());
        boolean headers = false;
        for (int size : bits) {
            List<Integer> current = segments.get(segments.size() - 1);
            if (used(current, headers) + size > 1_120) {
                List<Integer> next = new ArrayList<>();
                if (!headers) {
                    headers = true;
                    while (used(current, true) > 1_120) {
                        next.add(0, current.remove(current.size() - 1));
                    }
                }
                segments.add(next);
                current = next;
            }
            current.add(size);
        }
        return segments.size();
    }

    private static int used(List<Integer> segment, boolean header) {
        return segment.stream().mapToInt(Integer::intValue).sum() + (header ? 48 : 0);
    }
}
