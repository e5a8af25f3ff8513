package app.herald.storage;

/** Herald's data could not be opened; the message is written for the person in front of the screen. */
public final class StorageException extends RuntimeException {

    /** Why, so a screen or the command line can react to each case. */
    public enum Reason {
        ALREADY_OPEN,
        NEWER_VERSION,
        UNREADABLE
    }

    private final Reason reason;

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
