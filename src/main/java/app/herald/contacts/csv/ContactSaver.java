package app.herald.contacts.csv;

import app.herald.contacts.SearchIndex;
import app.herald.storage.BulkWrites;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jdbi.v3.core.Handle;

/**
 * Writes an import's contacts into its hidden list, a part of {@link BulkWrites#ROWS_PER_TRANSACTION}
 * (and that part's search block) per committed transaction. Not finished, everything it began is
 * rolled back when it closes; what it committed stays in the hidden list, which the import then removes.
 */
final class ContactSaver implements AutoCloseable {

    private final Handle handle;
    private final long listId;
    private final ImportProgress progress;
    private final ContactWriter writer;
    private final List<ContactRow> part = new ArrayList<>(BulkWrites.ROWS_PER_TRANSACTION);
    private long saved;
    private boolean finished;

    ContactSaver(Handle handle, long listId, ImportProgress progress) throws SQLException {
        this.handle = handle;
        this.listId = listId;
        this.progress = progress;
        this.writer = ContactWriter.of(handle);
        handle.begin();
    }

    /** @throws CancellationException when the person cancelled the import */
    void add(ContactRow row) throws SQLException, IOException {
        part.add(row);
        if (part.size() == BulkWrites.ROWS_PER_TRANSACTION) {
            writePart();
        }
    }

    void finish() throws SQLException, IOException {
        if (!part.isEmpty()) {
            writePart();
        }
        handle.commit();
        finished = true;
    }

    private void writePart() throws SQLException, IOException {
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled while saving");
        }
        SearchIndex.append(handle, listId, writer.write(listId, part));
        handle.commit();
        handle.begin();
        saved += part.size();
        part.clear();
        progress.contactsSaved(saved);
    }

    @Override
    public void close() throws SQLException {
        try {
            writer.close();
        } finally {
            if (!finished) {
                handle.rollback();
            }
        }
    }
}
