package app.herald.contacts;

import java.time.Instant;

/** A number that must never be sent to, whatever list holds it: why, where it came from, since when. */
public record OptOut(String e164, String reason, String source, Instant createdAt) {

    public OptOut {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }
}
