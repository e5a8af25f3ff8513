package app.herald.settings;

import java.util.regex.Pattern;

/** The kinds of Twilio SID Settings asks for: two letters, then 32 hexadecimal digits. */
public enum TwilioSid {
    ACCOUNT("AC"),
    API_KEY("SK"),
    NOTIFY_SERVICE("IS"),
    MESSAGING_SERVICE("MG");

    private final Pattern pattern;

    TwilioSid(String prefix) {
        this.pattern = Pattern.compile(prefix + "[0-9a-fA-F]{32}");
    }

    /** Whether the text, spaces around it aside, is a SID of this kind. */
    public boolean matches(String text) {
        return text != null && pattern.matcher(text.strip()).matches();
    }
}
