package app.herald.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of Twilio service Herald sends through, told apart by the SID's prefix, with what one
 * request of each carries. A Messaging Service is the default for a new setup: every Twilio account
 * has one, while Notify takes no new customers and stops working after 2027-10-31.
 */
public enum ChannelKind {
    /** A Messaging Service ({@code MG…}): one message, one request, per recipient. */
    MESSAGES(1, TwilioSid.MESSAGING_SERVICE, "MG"),
    /** A Notify service ({@code IS…}): one request for up to 10,000 numbers. */
    NOTIFY(10_000, TwilioSid.NOTIFY_SERVICE, "IS");

    private final int recipientsPerRequest;
    private final TwilioSid serviceSid;
    private final String prefix;

    ChannelKind(int recipientsPerRequest, TwilioSid serviceSid, String prefix) {
        this.recipientsPerRequest = recipientsPerRequest;
        this.serviceSid = serviceSid;
        this.prefix = prefix;
    }

    /** The most recipients one request carries. */
    public int recipientsPerRequest() {
        return recipientsPerRequest;
    }

    /** How many requests so many recipients take. */
    public long requestsFor(long recipients) {
        return (recipients + recipientsPerRequest - 1) / recipientsPerRequest;
    }

    /** Whether the text is, in full, the SID of a service of this kind (what Settings check as it is typed). */
    public boolean isServiceSid(String sid) {
        return serviceSid.matches(sid);
    }

    /** The kind of service a SID names, by its prefix alone: {@code MG…} or {@code IS…}. */
    public static Optional<ChannelKind> ofServiceSid(String sid) {
        return sid == null ? Optional.empty()
                : Arrays.stream(values()).filter(kind -> sid.strip().startsWith(kind.prefix)).findFirst();
    }

    /** The word the command line and its JSON use: {@code messages} or {@code notify}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a label names ({@code messages}, {@code notify}), case aside. */
    public static Optional<ChannelKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equalsIgnoreCase(label.strip())).findFirst();
    }
}
