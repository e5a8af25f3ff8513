package app.herald.contacts.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Byte order marks: the encoding they announce, and removing the one a decoder leaves at the start. */
final class Bom {

    private static final char BOM = '\uFEFF';

    private Bom() {
    }

    static Charset charsetOf(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static String strip(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }
}
