package app.herald.contacts;

import java.time.Instant;

/** A named list of contacts, with how many it holds and how many of those opted out. */
public record RecipientList(long id, String name, long contacts, long optedOut, Instant createdAt) {

    public RecipientList {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a list needs a name");
        }
        if (contacts < 0 || optedOut < 0 || optedOut > contacts) {
            throw new IllegalArgumentException("impossible counts: " + contacts + " contacts, " + optedOut + " opted out");
        }
    }
}
