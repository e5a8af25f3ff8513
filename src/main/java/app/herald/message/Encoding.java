package app.herald.message;

/** How an SMS is encoded: GSM-7 when every character is in the GSM alphabet, else UCS-2 for the whole message. */
public enum Encoding {
    GSM_7("GSM-7", 160, 153),
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int singleSegment;
    private final int perPart;

    Encoding(String label, int singleSegment, int perPart) {
        this.label = label;
        this.singleSegment = singleSegment;
        this.perPart = perPart;
    }

    /** The encoding Twilio writes as "GSM-7" or "UCS-2". */
    public static Encoding ofLabel(String label) {
        for (Encoding encoding : values()) {
            if (encoding.label.equals(label)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("no encoding is called " + label);
    }

    /** "GSM-7" or "UCS-2", as Twilio writes them. */
    public String label() {
        return label;
    }

    /** Units (septets or UTF-16 code units) that fit in a message of one segment. */
    public int singleSegment() {
        return singleSegment;
    }

    /** Units that fit in each part of a longer message (the rest of the 140 bytes carries the part header). */
    public int perPart() {
        return perPart;
    }
}
