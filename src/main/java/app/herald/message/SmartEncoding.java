package app.herald.message;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's Smart Encoding, as a Messaging Service applies it: look-alikes of GSM characters (curly
 * quotes, dashes, the ellipsis, special spaces, full-width and small forms, small capitals) are
 * replaced by the GSM ones, and invisible characters are dropped. Herald uses the replacement only
 * when the whole message then fits GSM-7; otherwise the message goes as UCS-2 unchanged.
 */
public final class SmartEncoding {

    private static final Map<Integer, String> REPLACEMENTS = new HashMap<>();

    static {
        replace("\"", "«»“”„‟ʺˮ❝❞〝〞");
        replace("'", "‘’‛ʻʼʽˈʹ´ˊ`ˋ❛❜\u0313\u0314︐︑‗");
        replace(",", "‚\u0326、､");
        replace("-", "‐–—―⁃•⎼⎽");
        replace("...", "…");
        replace("/", "÷⧸\u0337\u0338⁄∕");
        replace("\\", "⧹⧵\u20e5");
        replace("_", "\u0332");
        replace("|", "\u20d2\u20d3∣⎸⎹⏐⎜⎟");
        replace("!", "ǃ︕");
        replace("!!", "‼");
        replace("(", "❨❪⟮⦅");
        replace(")", "❩❫⟯⦆");
        replace("*", "⁎∗⊛✢✣✤✥✱✲✳✺✻✼✽❃❉❊❋⧆");
        replace("+", "˖");
        replace(".", "。");
        replace(":", "ː˸⦂꞉︓");
        replace(";", "⁏︔");
        replace("=", "\u0347꞊");
        replace("?", "︖");
        replace("^", "ˆ\u0302\u1dcd");
        replace("{", "❴");
        replace("}", "❵");
        replace("~", "˜˷\u0303\u0330\u0334∼");
        replace("<", "‹");
        replace(">", "›");
        replace("1/4", "¼");
        replace("1/2", "½");
        replace("3/4", "¾");
        replace(" ", "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029");
        replace("", "\u200b\u2060\ufeff\u0000\u0003\u0004\u0010\u0011\u0012\u0013\u0014\u0017\u0019");
        // small capitals
        String smallCapitals = "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘ\0ʀꜱᴛᴜᴠᴡ\0ʏᴢ";
        for (int i = 0; i < smallCapitals.length(); i++) {
            if (smallCapitals.charAt(i) != '\0') {
                REPLACEMENTS.put((int) smallCapitals.charAt(i), String.valueOf((char) ('A' + i)));
            }
        }
        // full-width forms of ! to _ and { to ~ (Twilio leaves the full-width ` and small letters alone)
        for (int codePoint = 0xFF01; codePoint <= 0xFF3F; codePoint++) {
            REPLACEMENTS.put(codePoint, String.valueOf((char) (codePoint - 0xFEE0)));
        }
        for (int codePoint = 0xFF5B; codePoint <= 0xFF5E; codePoint++) {
            REPLACEMENTS.put(codePoint, String.valueOf((char) (codePoint - 0xFEE0)));
        }
        // small forms
        String small = ",,.\0;\0?!\0(){}\0\0#&*+-<>=\0\\$%@";
        for (int i = 0; i < small.length(); i++) {
            if (small.charAt(i) != '\0') {
                REPLACEMENTS.put(0xFE50 + i, String.valueOf(small.charAt(i)));
            }
        }
    }

    private SmartEncoding() {
    }

    private static void replace(String replacement, String lookAlikes) {
        lookAlikes.codePoints().forEach(codePoint -> REPLACEMENTS.put(codePoint, replacement));
    }

    /** The text with every look-alike replaced. */
    public static String apply(String text) {
        StringBuilder replaced = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String replacement = REPLACEMENTS.get(codePoint);
            if (replacement == null) {
                replaced.appendCodePoint(codePoint);
            } else {
                replaced.append(replacement);
            }
        });
        return replaced.toString();
    }

    /** What a character (a grapheme) becomes, when that is plain GSM-7: "'" for "’", "..." for "…". */
    public static Optional<String> lookAlike(String grapheme) {
        String replaced = apply(grapheme);
        return !replaced.equals(grapheme) && GsmAlphabet.canCarry(replaced) ? Optional.of(replaced) : Optional.empty();
    }
}
