package app.herald.storage;

import app.herald.files.FileWords;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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

    /**
     * Words for a failure that came of the shared database's server not answering (the network,
     * the server down): the connection pool could not get a connection, or the one it had broke.
     */
    public static Optional<String> lostConnectionWords(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return Optional.of("Herald cannot reach the shared database just now, so this was not finished. Check"
                        + " the network (or ask whoever runs the server), then try again.");
            }
        }
        return Optional.empty();
    }

    /** SQL states 08 (the connection failed) and 57P (the server shut down, crashed, or is starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Words for a failure of the data's place itself (a full disk, a server not answering), when it is one. */
    public static Optional<String> placeWords(Throwable e) {
        return fullDiskWords(e).or(() -> lostConnectionWords(e));
    }

    /** True when restoring a backup is what to do. */
    public boolean backupCanHelp() {
        return reason == Reason.DAMAGED || reason == Reason.LOST_DATA;
    }
}
