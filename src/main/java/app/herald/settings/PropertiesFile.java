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
 * the old one in one step, so a crash never leaves half a file.
 */
final class PropertiesFile {

    /** Makes the empty temporary file, with whatever permissions the content needs. */
    @FunctionalInterface
    interface Creator {
        void create(Path file) throws IOException;
    }

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
        store(file, properties, comment, Files::createFile);
    }

    static void store(Path file, Properties properties, String comment, Creator creator) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        creator.create(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, comment);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
