package app.herald.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Herald last left in its database, kept in a small file beside it ({@code herald.state}):
 * the store's version after each synced commit that matters and at each clean close. A database
 * that opens at an older version than this lost saved work (a cut or replaced file), and is
 * refused instead of being opened as it is.
 */
final class StateRecord {

    private static final Logger LOG = LoggerFactory.getLogger(StateRecord.class);
    private static final String VERSION = "version";

    private final Path file;

    private StateRecord(Path file) {
        this.file = file;
    }

    /** The record of the database whose files start with {@code fileBase}. */
    static StateRecord beside(Path fileBase) {
        return new StateRecord(fileBase.resolveSibling(fileBase.getFileName() + ".state"));
    }

    /** The version last recorded; none for a database Herald never recorded (a new one, or one from before the record). */
    OptionalLong lastVersion() {
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return OptionalLong.of(Long.parseLong(properties.getProperty(VERSION, "").strip()));
        } catch (IOException | NumberFormatException e) {
            // written whole and moved into place, so only a hand could spoil it: no record, not a refusal
            LOG.warn("The record {} cannot be read; Herald's data is checked without it this time", file, e);
            return OptionalLong.empty();
        }
    }

    /** Records a version that is on disk. Not synced itself: a record lost in a power cut is older, never newer. */
    void write(long version) {
        Properties properties = new Properties();
        properties.setProperty(VERSION, Long.toString(version));
        properties.setProperty("written", Instant.now().toString());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "What Herald last left in its database: do not edit");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the check at the next open is then against an older version: weaker, never wrong
            LOG.warn("Could not write {}", file, e);
        }
    }
}
