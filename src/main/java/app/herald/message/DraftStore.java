package app.herald.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The message being written, kept in a file of the data folder as it is typed, so a crash or a
 * restart loses nothing. Written to a temporary file and moved into place: never half a draft.
 */
public final class DraftStore {

    private final Path file;

    public DraftStore(Path file) {
        this.file = file;
    }

    /** The saved draft, or "" when there is none. */
    public String load() throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    public synchronized void save(String draft) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, draft, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
