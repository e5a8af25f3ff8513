package app.herald.settings;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words that, as the whole of a reply, opt a person out of every send or back in: Twilio's
 * defaults unless Settings say otherwise (a Messaging Service can have its own). "STOP", " stop "
 * and "Stop!" are one word; a sentence that holds "stop" is not, and changes nothing.
 */
public record ReplyKeywords(Set<String> optOut, Set<String> optIn) {

    public static final ReplyKeywords TWILIO_DEFAULTS = new ReplyKeywords(
            Set.of("STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL"),
            Set.of("START", "YES", "UNSTOP"));

    /** What a reply asks for. */
    public enum Meaning { OPT_OUT, OPT_IN, NOTHING }

    public ReplyKeywords {
        optOut = normalised(optOut);
        optIn = normalised(optIn);
        if (optOut.isEmpty()) {
            throw new IllegalArgumentException("At least one opt-out word is needed: the law asks that STOP is honoured.");
        }
        Set<String> both = optOut.stream().filter(optIn::contains).collect(Collectors.toSet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", both) + " cannot both opt out and opt back in.");
        }
    }

    /** Words as a person types them in Settings: separated by commas or spaces. */
    public static ReplyKeywords parse(String optOutWords, String optInWords) {
        return new ReplyKeywords(words(optOutWords), words(optInWords));
    }

    /** The reply's whole text, trimmed, without case and a closing full stop or exclamation mark, against the words. */
    public Meaning meaningOf(String reply) {
        String word = wordOf(reply);
        if (optOut.contains(word)) {
            return Meaning.OPT_OUT;
        }
        return optIn.contains(word) ? Meaning.OPT_IN : Meaning.NOTHING;
    }

    /** A reply as the words are held: trimmed, upper case, without a closing full stop or exclamation mark. */
    public static String wordOf(String reply) {
        return reply == null ? "" : reply.strip().replaceAll("[.!]+$", "").strip().toUpperCase(Locale.ROOT);
    }

    /** The words as Settings shows them, in order, with commas. */
    public static String shown(Set<String> words) {
        return words.stream().sorted().collect(Collectors.joining(", "));
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split("[,\\s]+")).filter(word -> !word.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> normalised(Set<String> words) {
        List<String> upper = words.stream().map(word -> word.strip().toUpperCase(Locale.ROOT)).filter(word -> !word.isEmpty()).toList();
        for (String word : upper) {
            if (!word.matches("[\\p{L}\\p{N}]+")) {
                throw new IllegalArgumentException("\"" + word + "\" is not one word: a keyword is letters and digits only.");
            }
        }
        return Set.copyOf(upper);
    }
}
