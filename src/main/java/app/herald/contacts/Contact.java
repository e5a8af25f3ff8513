package app.herald.contacts;

/**
 * One person in a list: the number in E.164, what is known of them, and whether they opted out.
 * {@code version} counts its edits: an edit is written only over the version it was read at.
 */
public record Contact(long id, long listId, String e164, ContactFields fields, boolean optedOut, long version) {

    public Contact {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        if (fields == null) {
            throw new IllegalArgumentException("a contact has fields, if empty ones");
        }
    }

    /** The name the list shows, or null. */
    public String name() {
        return fields.name();
    }
}
