package app.herald.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a message as Twilio's segment calculator does. A segment is 140 bytes; a message of more
 * than one carries a 6-byte header in each part, so GSM-7 holds 160 septets alone or 153 per part,
 * UCS-2 70 code units alone or 67 per part. A character is never split across parts: an extension
 * character (two septets) or an emoji sequence that does not fit starts the next part.
 */
public final class MessageAnalyser {

    /** A user-perceived character; on JDK 17 only {@code \X} keeps ZWJ sequences, skin tones and flags whole. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private MessageAnalyser() {
    }

    public static MessageAnalysis analyse(String body) {
        List<Grapheme> graphemes = graphemes(body);
        List<NonGsmCharacter> nonGsm = new ArrayList<>();
        for (Grapheme grapheme : graphemes) {
            if (grapheme.septets() == 0) {
                nonGsm.add(new NonGsmCharacter(grapheme.text(), grapheme.index(),
                        SmartEncoding.lookAlike(grapheme.text()).orElse(null)));
            }
        }
        Encoding encoding = nonGsm.isEmpty() ? Encoding.GSM_7 : Encoding.UCS_2;
        int[] units = new int[graphemes.size()];
        int total = 0;
        for (int i = 0; i < units.length; i++) {
            Grapheme grapheme = graphemes.get(i);
            units[i] = encoding == Encoding.GSM_7 ? grapheme.septets() : grapheme.text().length();
            total += units[i];
        }
        int characters = encoding == Encoding.GSM_7 ? total : graphemes.size();
        if (total <= encoding.singleSegment()) {
            return new MessageAnalysis(body, encoding, characters, 1, total, encoding.singleSegment(), nonGsm);
        }
        int segments = 1;
        int used = 0;
        for (int unit : units) {
            if (used + unit > encoding.perPart() && used > 0) {
                segments++;
                used = 0;
            }
            used += unit;
        }
        return new MessageAnalysis(body, encoding, characters, segments, Math.min(used, encoding.perPart()),
                encoding.perPart(), nonGsm);
    }

    /**
     * The one rule for what a message costs: as it is, or as a Messaging Service with Smart Encoding
     * on sends (and bills) it. The composer, the quote and the history all count with this.
     */
    public static MessageAnalysis analyse(String body, boolean smartEncoding) {
        return smartEncoding ? analyseSmartEncoded(body) : analyse(body);
    }

    /** The analysis of the body as Smart Encoding sends it: replaced when that makes it GSM-7, else as it is. */
    public static MessageAnalysis analyseSmartEncoded(String body) {
        String replaced = SmartEncoding.apply(body);
        return GsmAlphabet.canCarry(replaced) ? analyse(replaced) : analyse(body);
    }

    /** One user-perceived character, where it starts, and its septets in GSM-7 (0 when GSM-7 cannot carry it). */
    private record Grapheme(String text, int index, int septets) {
    }

    private static List<Grapheme> graphemes(String body) {
        List<Grapheme> graphemes = new ArrayList<>();
        Matcher matcher = GRAPHEME.matcher(body);
        while (matcher.find()) {
            String text = matcher.group();
            if (text.equals("\r\n")) {
                // Twilio counts a Windows line break as the two characters it is
                graphemes.add(new Grapheme("\r", matcher.start(), 1));
                graphemes.add(new Grapheme("\n", matcher.start() + 1, 1));
            } else {
                int septets = text.codePointCount(0, text.length()) == 1 ? GsmAlphabet.septets(text.codePointAt(0)) : 0;
                graphemes.add(new Grapheme(text, matcher.start(), septets));
            }
        }
        return graphemes;
    }
}
