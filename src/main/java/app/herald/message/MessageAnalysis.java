package app.herald.message;

import java.util.List;

/**
 * What Twilio will make of one message body: its encoding; its characters as Twilio's segment
 * calculator counts them (in GSM-7 septets, an extension character counting two; in UCS-2 one per
 * user-perceived character); its segments; how full the last segment is (in septets or UTF-16
 * code units, of {@code lastSegmentCapacity}); and the characters that force UCS-2.
 */
public record MessageAnalysis(String body, Encoding encoding, int characters, int segments, int lastSegmentUsed,
        int lastSegmentCapacity, List<NonGsmCharacter> nonGsm) {

    /** Twilio refuses a longer body. */
    public static final int MAX_BODY_CHARACTERS = 1_600;
    /** Past this a message costs three segments or more in GSM-7: worth a warning. */
    public static final int LONG_MESSAGE_CHARACTERS = 320;

    public MessageAnalysis {
        nonGsm = List.copyOf(nonGsm);
        if (segments < 1 || lastSegmentUsed > lastSegmentCapacity || characters < 0) {
            throw new IllegalArgumentException("impossible analysis: " + segments + " segments, " + lastSegmentUsed + "/"
                    + lastSegmentCapacity);
        }
        if ((encoding == Encoding.GSM_7) != nonGsm.isEmpty()) {
            throw new IllegalArgumentException("a message is UCS-2 exactly when a character needs it");
        }
    }

    /** The body's length as Twilio's 1,600 limit counts it: Unicode characters (code points). */
    public int bodyLength() {
        return body.codePointCount(0, body.length());
    }

    public boolean tooLong() {
        return bodyLength() > MAX_BODY_CHARACTERS;
    }
}
