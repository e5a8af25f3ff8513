package app.herald.contacts;

/** A list name that cannot be used (empty, too long, or taken); the message says which. */
public final class ListNameException extends RuntimeException {

    public ListNameException(String message) {
        super(message);
    }
}
