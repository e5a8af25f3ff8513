package app.herald.message;

/**
 * A character that GSM-7 cannot carry, so it makes the whole message UCS-2: the character (one
 * grapheme, so an emoji with its skin tone is one), where it starts in the text (a UTF-16 index,
 * as text fields count), and its GSM look-alike when Smart Encoding has one (else null).
 */
public record NonGsmCharacter(String text, int index, String lookAlike) {

    public NonGsmCharacter {
        if (text == null || text.isEmpty() || index < 0) {
            throw new IllegalArgumentException("a character and where it is");
        }
    }
}
