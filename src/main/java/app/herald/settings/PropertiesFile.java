package app.herald.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A small settings file, always written whole: into a temporary file beside it, then moved over
 * the old one in one step, so a crash never leaves half a file. It is readable by its owner only
 * from the moment it is made.
 */
final class PropertiesFile {

    private PropertiesFile() {
    }

    /** What the file holds; nothing when it does not exist yet. */
    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    static void store(Path file, Properties properties, String comment) throws IOException {
        OwnerOnly.createIfMissing(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        OwnerOnly.createFile(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, comment);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
