package app.herald.contacts;

/**
 * What Herald made of one raw phone value: a number in E.164 that can take an SMS, a landline
 * (valid, but the person decides), or a rejection with the reason in plain words.
 */
public record PhoneCheck(Verdict verdict, String e164, String reason) {

    /** The three outcomes of checking one raw value. */
    public enum Verdict {
        MOBILE,
        LANDLINE,
        REJECTED
    }

    public PhoneCheck {
        if (verdict == null) {
            throw new IllegalArgumentException("a phone check needs a verdict");
        }
        if ((verdict == Verdict.REJECTED) != (e164 == null)) {
            throw new IllegalArgumentException("a rejection has no number, anything else has one");
        }
        if (verdict != Verdict.MOBILE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + verdict + " needs a reason a person can read");
        }
    }

    static PhoneCheck mobile(String e164) {
        return new PhoneCheck(Verdict.MOBILE, e164, null);
    }

    static PhoneCheck landline(String e164) {
        return new PhoneCheck(Verdict.LANDLINE, e164, "a landline: it cannot receive text messages");
    }

    static PhoneCheck rejected(String reason) {
        return new PhoneCheck(Verdict.REJECTED, null, reason);
    }

    public boolean isValid() {
        return verdict != Verdict.REJECTED;
    }
}
