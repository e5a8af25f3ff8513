package app.herald.contacts;

/**
 * Text from a file made safe to keep and to show: a control character (an escape sequence that
 * clears a terminal or retitles its window, a NUL) is never stored in a name, and where a cell is
 * shown as it was (a rejected value, a preview, a header) it is shown as a visible sign.
 */
public final class PlainText {

    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';

    private PlainText() {
    }

    /** A name as Herald keeps it: line breaks and tabs become spaces, other control characters are dropped. */
    public static String clean(String text) {
        if (text == null || text.chars().noneMatch(PlainText::isControl)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\t' || c == '\n' || c == '\r') {
                clean.append(' ');
            } else if (!isControl(c)) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().strip();
    }

    /** A cell shown as it was, each control character as its visible sign (␛ for ESC, ␀ for NUL, ␡ for DEL). */
    public static String visible(String text) {
        if (text == null || text.chars().noneMatch(PlainText::isControl)) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c < 0x20) {
                shown.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7F) {
                shown.append(DELETE_PICTURE);
            } else if (isControl(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** C0 and C1 controls and DEL: what a terminal may act on instead of showing. */
    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL;
    }
}
