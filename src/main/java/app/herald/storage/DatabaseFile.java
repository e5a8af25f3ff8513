package app.herald.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Herald's database file looked at before it is opened for writing, without writing to it: is it
 * there, readable, and at least as new as Herald last left it? A file that is not is refused, in
 * words, and never touched, so a backup can take its place.
 */
final class DatabaseFile {

    private DatabaseFile() {
    }

    /** The file H2 keeps the database in, for {@code fileBase} such as {@code .../herald}. */
    static Path of(Path fileBase) {
        return fileBase.resolveSibling(fileBase.getFileName() + ".mv.db");
    }

    /**
     * @return the version of the store on disk; empty for a new database (no file yet, and none recorded)
     * @throws StorageException DAMAGED when the file cannot be read as a database, LOST_DATA when
     *                          it is missing, empty or older than {@code recorded} says Herald left it
     */
    static OptionalLong requireIntact(Path fileBase, OptionalLong recorded) {
        Path file = of(fileBase);
        long size = size(file);
        if (size <= 0) {
            if (recorded.isPresent()) {
                throw new StorageException(StorageException.Reason.LOST_DATA, (size < 0 ? "Herald's data file " + file
                        + " is missing" : "Herald's data file " + file + " is empty")
                        + ", but Herald had saved lists and broadcasts in it. Restore a backup to get them back.", null);
            }
            return OptionalLong.empty();
        }
        long version = version(file);
        if (recorded.isPresent() && version < recorded.getAsLong()) {
            throw new StorageException(StorageException.Reason.LOST_DATA, "Herald's data file " + file
                    + " is older than Herald left it: part of it is missing (it may have been cut short or replaced),"
                    + " so lists or broadcasts saved last are not in it. Herald has not changed it. Restore a backup"
                    + " to get the rest back.", null);
        }
        return OptionalLong.of(version);
    }

    /** The version of the store on disk, read without writing. @throws StorageException DAMAGED when it cannot be read */
    static long version(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            if (store.getMapNames().isEmpty()) {
                throw damaged(file, "it holds no database", null);
            }
            return store.getCurrentVersion();
        } catch (MVStoreException | IllegalStateException | UnsupportedOperationException e) {
            // H2 says "Store header is corrupt: <the file> [2.5.252/6]": the words, without the file again or H2's codes
            String detail = firstLine(e.getMessage()).replace(file.toString(), "").replaceAll("\\s*\\[[^]]*]\\s*$", "")
                    .replaceAll("[:\\s]+$", "");
            throw damaged(file, detail.isEmpty() ? "no reason given" : detail, e);
        }
    }

    private static StorageException damaged(Path file, String detail, Throwable cause) {
        return new StorageException(StorageException.Reason.DAMAGED, "Herald's data file " + file
                + " is damaged and cannot be read (" + detail + "). Herald has not changed it. Restore a backup to go on.",
                cause);
    }

    /** What an H2 or Flyway message says in its first line, without the dozen that follow. */
    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
