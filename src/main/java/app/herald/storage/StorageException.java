package app.herald.storage;

/** Herald's data could not be opened; the message is written for the person in front of the screen. */
public final class StorageException extends RuntimeException {

    /** Why, so a screen or the command line can react to each case. */
    public enum Reason {
        ALREADY_OPEN,
        NEWER_VERSION,
        /** The file cannot be read as a database. A backup can take its place. */
        DAMAGED,
        /** The file is missing, empty or older than Herald left it. A backup can take its place. */
        LOST_DATA,
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

    /** True when restoring a backup is what to do. */
    public boolean backupCanHelp() {
        return reason == Reason.DAMAGED || reason == Reason.LOST_DATA;
    }
}
