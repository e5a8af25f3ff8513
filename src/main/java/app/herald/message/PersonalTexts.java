package app.herald.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a personal message makes for the people it goes to, counted text by text with the one
 * analyser: the segments of all of them (what it costs), the longest, the first few as a preview,
 * and those whose text turns UCS-2 (a name like "Zoë") or passes Twilio's 1,600 characters.
 *
 * @param recipients    the texts counted
 * @param totalSegments the sum of each text's segments
 * @param longest       the text of the most segments (the longest of those), or null when there were none
 * @param first         the first recipients' texts, in number order, for the preview
 * @param ucs2Count     texts that go as UCS-2; {@code ucs2} lists the first of them
 * @param tooLongCount  texts past 1,600 characters (Twilio refuses them); {@code tooLong} lists the first
 */
public record PersonalTexts(String template, boolean smartEncoding, long recipients, long totalSegments, Sample longest,
        List<Sample> first, long ucs2Count, List<Sample> ucs2, long tooLongCount, List<Sample> tooLong) {

    /** Recipients the preview shows, and those listed of each kind of trouble. */
    public static final int PREVIEWED = 25;
    public static final int LISTED = 100;

    /** One recipient's own text and its analysis. */
    public record Sample(String e164, String name, String text, MessageAnalysis analysis) {
    }

    public PersonalTexts {
        Objects.requireNonNull(template);
        first = List.copyOf(first);
        ucs2 = List.copyOf(ucs2);
        tooLong = List.copyOf(tooLong);
    }

    /** These are the texts of this message, counted with Smart Encoding as asked. */
    public boolean isFor(String body, boolean smart) {
        return template.equals(body) && smartEncoding == smart;
    }

    public boolean anyTooLong() {
        return tooLongCount > 0;
    }

    /** Counts texts as they are given; not for several threads. */
    public static final class Counter {

        /** Texts repeat (a first name, a fallback): each different text is analysed once, up to so many kept. */
        private static final int ANALYSES_KEPT = 50_000;

        private final String template;
        private final boolean smartEncoding;
        private final Map<String, MessageAnalysis> analyses = new HashMap<>();
        private final List<Sample> first = new ArrayList<>();
        private final List<Sample> ucs2 = new ArrayList<>();
        private final List<Sample> tooLong = new ArrayList<>();
        private long recipients;
        private long totalSegments;
        private long ucs2Count;
        private long tooLongCount;
        private Sample longest;

        public Counter(String template, boolean smartEncoding) {
            this.template = template;
            this.smartEncoding = smartEncoding;
        }

        /** Counts one recipient's text. @return its analysis */
        public MessageAnalysis add(String e164, String name, String text) {
            MessageAnalysis analysis = analyses.get(text);
            if (analysis == null) {
                analysis = MessageAnalyser.analyse(text, smartEncoding);
                if (analyses.size() == ANALYSES_KEPT) {
                    analyses.clear();
                }
                analyses.put(text, analysis);
            }
            recipients++;
            totalSegments += analysis.segments();
            Sample sample = null;
            if (first.size() < PREVIEWED) {
                sample = new Sample(e164, name, text, analysis);
                first.add(sample);
            }
            if (longest == null || longer(analysis, longest.analysis())) {
                longest = sample != null ? sample : new Sample(e164, name, text, analysis);
            }
            if (analysis.encoding() == Encoding.UCS_2 && ucs2Count++ < LISTED) {
                ucs2.add(sample != null ? sample : new Sample(e164, name, text, analysis));
            }
            if (analysis.tooLong() && tooLongCount++ < LISTED) {
                tooLong.add(sample != null ? sample : new Sample(e164, name, text, analysis));
            }
            return analysis;
        }

        private static boolean longer(MessageAnalysis one, MessageAnalysis other) {
            return one.segments() > other.segments()
                    || one.segments() == other.segments() && one.bodyLength() > other.bodyLength();
        }

        public PersonalTexts result() {
            return new PersonalTexts(template, smartEncoding, recipients, totalSegments, longest, first, ucs2Count, ucs2,
                    tooLongCount, tooLong);
        }
    }
}
