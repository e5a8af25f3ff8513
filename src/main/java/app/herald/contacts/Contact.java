package app.herald.contacts;

/** One person in a list: the number in E.164, the name if known, and whether they opted out. */
public record Contact(long id, long listId, String e164, String name, boolean optedOut) {

    public Contact {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }
}
