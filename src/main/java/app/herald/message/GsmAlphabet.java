package app.herald.message;

/**
 * The GSM 03.38 default alphabet as SMS carries it: 128 basic characters of one septet each, and
 * the extension characters that need an escape septet first, so they count two.
 */
final class GsmAlphabet {

    /** The basic table, minus the escape (0x1B) that introduces an extension character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private GsmAlphabet() {
    }

    /** Septets a code point takes in GSM-7: 1, 2 for an extension character, 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (codePoint > 0xFFFF) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** True when every code point of the text is in the GSM-7 alphabet. */
    static boolean canCarry(CharSequence text) {
        return text.codePoints().allMatch(codePoint -> septets(codePoint) > 0);
    }
}
