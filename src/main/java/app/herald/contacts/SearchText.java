package app.herald.contacts;

import java.util.Locale;

/**
 * What a person types to find people: part of a name (case aside), or the digits of a number in
 * any position as it is typed ("0151 234", "(415) 555": spaces, dashes and brackets aside, a
 * leading 0 dropped, so "0151 234" finds +49151234…). Its SQL patterns escape LIKE's wildcards.
 */
public record SearchText(String text) {

    public SearchText {
        text = text == null ? "" : text.strip();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether it reads as a number: then numbers are searched too, by {@link #numberPattern()}. */
    public boolean looksLikeANumber() {
        return !digits().isEmpty();
    }

    /** A LIKE pattern for a lower-cased name holding the text, with {@code \} as the escape. */
    public String namePattern() {
        return "%" + lowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The text as a lower-cased name holding it is searched for. */
    public String lowerCase() {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern for an E.164 number holding the digits typed. */
    public String numberPattern() {
        return "%" + digits() + "%";
    }

    /** The digits of a number as typed, a leading 0 dropped; empty when the text is not a number. */
    public String digits() {
        if (!text.matches("[\\d\\s+().\\-/]+")) {
            return "";
        }
        return text.replaceAll("\\D", "").replaceFirst("^0+", "");
    }
}
