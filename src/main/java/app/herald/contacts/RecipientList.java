package app.herald.contacts;

import java.time.Instant;
import java.util.List;

/**
 * A named list of contacts, with how many it holds and how many of those opted out, and the fields
 * its contacts may have beyond the built-in ones (first and last name when its file had them, the
 * columns kept from it). {@code version} counts its renames: a rename is written only over the version it was read at.
 */
public record RecipientList(long id, String name, long contacts, long optedOut, Instant createdAt, List<String> fields,
        long version) {

    public RecipientList {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a list needs a name");
        }
        fields = List.copyOf(fields);
        if (contacts < 0 || optedOut < 0 || optedOut > contacts) {
            throw new IllegalArgumentException("impossible counts: " + contacts + " contacts, " + optedOut + " opted out");
        }
    }
}
