package app.herald.storage;

import app.herald.files.FileWords;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.api.ErrorCode;

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
        /** The disk is full and the data cannot be opened even to be read. */
        DISK_FULL,
        /** The shared database's server cannot be reached, or refuses Herald's user. */
        UNREACHABLE,
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

    /** The first SQL exception in the chain of causes: what the database itself said. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * True when {@code e} is H2 refusing a write to data opened read-only because the disk was full
     * ({@link Database#isReadOnly()}).
     */
    private static boolean isReadOnlyRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to tell a person when {@code e} came of a full disk: the data open read-only, or a write
     * that found no room; empty for anything else.
     */
    public static Optional<String> fullDiskWords(Throwable e) {
        if (isReadOnlyRefusal(e)) {
            return Optional.of("The disk is full: Herald can show its data but not change it. Free some space and try again.");
        }
        if (FileWords.isDiskFull(e)) {
            return Optional.of("The disk is full: Herald stopped before finishing, and what it had saved is kept."
                    + " Free some space and try again.");
        }
        return Optional.empty();
    }

    /** True when restoring a backup is what to do. */
    public boolean backupCanHelp() {
        return reason == Reason.DAMAGED || reason == Reason.LOST_DATA;
    }
}
