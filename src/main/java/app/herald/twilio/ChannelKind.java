package app.herald.twilio;

import java.util.Locale;

/** The kinds of channel Herald sends through, as a quote names them, with what one request of each carries. */
public enum ChannelKind {
    /** Twilio Notify: one request for up to 10,000 numbers; Twilio ends it on 2027-10-31. */
    NOTIFY(NotifyChannel.MAX_BINDINGS);

    private final int recipientsPerRequest;

    ChannelKind(int recipientsPerRequest) {
        this.recipientsPerRequest = recipientsPerRequest;
    }

    /** The most recipients one request carries. */
    public int recipientsPerRequest() {
        return recipientsPerRequest;
    }

    /** How many requests so many recipients take. */
    public long requestsFor(long recipients) {
        return (recipients + recipientsPerRequest - 1) / recipientsPerRequest;
    }

    /** The word the command line and its JSON use: {@code notify}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
