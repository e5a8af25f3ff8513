package app.herald.settings;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of the day, in each recipient's own time, when a message may arrive: from {@code from}
 * up to (not including) {@code to}. The US rule (47 CFR 64.1200) is 08:00 to 21:00; some states are
 * stricter, hence a second preset.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final QuietHours US_RULE = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));
    public static final QuietHours STRICTER = new QuietHours(LocalTime.of(9, 0), LocalTime.of(20, 0));

    private static final Pattern WINDOW = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-\u2013]\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm");

    public QuietHours {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The hours messages may arrive must start before they end, within one day: "
                    + SHOWN.format(from) + " is not before " + SHOWN.format(to) + ".");
        }
    }

    /**
     * Reads "08:00-21:00".
     *
     * @throws IllegalArgumentException in words, naming what was typed
     */
    public static QuietHours parse(String text) {
        Matcher window = WINDOW.matcher(text == null ? "" : text);
        if (!window.matches()) {
            throw new IllegalArgumentException("Write the hours messages may arrive as two times of day, such as 08:00-21:00,"
                    + " not \"" + text + "\".");
        }
        try {
            return new QuietHours(LocalTime.parse(window.group(1), TIME), LocalTime.parse(window.group(2), TIME));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" holds a time of day that does not exist (hours 0-23,"
                    + " minutes 0-59).", e);
        }
    }

    /** Whether a message may arrive at this local time. */
    public boolean allows(LocalTime local) {
        return !local.isBefore(from) && local.isBefore(to);
    }

    /** "08:00-21:00", as {@link #parse} reads it. */
    public String words() {
        return SHOWN.format(from) + "-" + SHOWN.format(to);
    }
}
