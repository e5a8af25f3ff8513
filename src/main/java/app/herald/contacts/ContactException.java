package app.herald.contacts;

/** A contact that cannot be saved as asked (a number already in the list); the message says why. */
public final class ContactException extends RuntimeException {

    public ContactException(String message) {
        super(message);
    }
}
