package app.herald.contacts.csv;

import app.herald.contacts.ListNameException;
import app.herald.contacts.NumberSet;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.storage.Checkpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a contact file into a list, all or nothing: the rows go into a list nobody sees yet
 * (the list's own contacts copied first, when it has some), in bounded transactions, and one
 * small commit at the end puts it in the list's place; a failure, a bad file or a cancel removes
 * it, and so does the next start after a crash. Reading and checking run on a thread of their own
 * while this one writes, so the two halves of the work overlap.
 */
public final class ContactImporter {

    private static final int CHUNKS_IN_FLIGHT = 4;
    /**
     * Rows per committed transaction. H2 2.5 tears the commit of a very large one when the process
     * dies during it (ImportCrashTest kills imports at many moments); this many never tore there.
     */
    static final int ROWS_PER_TRANSACTION = 10_000;

    private final Jdbi jdbi;
    private final RecipientLists lists;

    public ContactImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.lists = new RecipientLists(jdbi);
    }

    /**
     * @throws ImportProblem         when the file cannot be read as asked (nothing was imported)
     * @throws ListNameException     when the list to make cannot have the name asked for
     * @throws CancellationException when {@code progress} was cancelled (nothing was imported)
     */
    public ImportReport importFile(ImportRequest request, ImportProgress progress) {
        if (!request.mapping().hasPhone()) {
            throw new ImportProblem("No column looks like phone numbers. Choose the column that holds them.");
        }
        progress.start(fileSize(request.file()));
        Long replaced = lists.find(request.listName()).map(RecipientList::id).orElse(null);
        long hidden = lists.createHidden(request.listName());
        try {
            ImportReport report = jdbi.withHandle(handle -> fill(handle, request, progress, replaced, hidden));
            lists.publish(hidden, request.listName(), replaced);
            // the import's one synced commit: on disk before Herald says it is done
            Checkpoints.sync(jdbi);
            return report;
        } catch (RuntimeException e) {
            discard(hidden, e);
            throw e;
        }
    }

    /** The hidden list: the replaced list's contacts, then the file's, while another thread reads it. */
    private static ImportReport fill(Handle handle, ImportRequest request, ImportProgress progress, Long replaced,
            long hidden) {
        NumberSet numbers = replaced == null ? new NumberSet() : copy(handle, replaced, hidden);
        BlockingQueue<RowReader.Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        RowReader reader = new RowReader(request, numbers, optedOutNumbers(handle), progress, chunks);
        Thread readerThread = new Thread(reader, "herald-import-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        try {
            writeAll(handle, hidden, chunks);
        } finally {
            readerThread.interrupt();
        }
        return reader.report();
    }

    private void discard(long hidden, RuntimeException failure) {
        try {
            lists.purge(hidden);
        } catch (RuntimeException second) {
            // the next start removes it
            failure.addSuppressed(second);
        }
    }

    /** The list's own contacts into the hidden one, a bounded transaction at a time, in their order. @return their numbers */
    private static NumberSet copy(Handle handle, long from, long into) {
        long after = 0;
        while (true) {
            Long upTo = handle.createQuery("""
                            SELECT MAX(id) FROM (SELECT id FROM contact WHERE list_id = :list AND id > :after
                                                 ORDER BY list_id, id FETCH FIRST :rows ROWS ONLY)""")
                    .bind("list", from).bind("after", after).bind("rows", ROWS_PER_TRANSACTION)
                    .mapTo(Long.class).one();
            if (upTo == null) {
                return numbersOfList(handle, into);
            }
            handle.createUpdate("""
                            INSERT INTO contact (list_id, e164, name, extra, created_at)
                            SELECT :into, e164, name, extra, created_at FROM contact
                            WHERE list_id = :list AND id > :after AND id <= :upTo ORDER BY list_id, id""")
                    .bind("into", into).bind("list", from).bind("after", after).bind("upTo", upTo).execute();
            after = upTo;
        }
    }

    /** Plain JDBC batches (per row, Jdbi's named binding costs more than H2's insert), committed every so many rows. */
    private static void writeAll(Handle handle, long listId, BlockingQueue<RowReader.Chunk> chunks) {
        Connection connection = handle.getConnection();
        handle.begin();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact (list_id, e164, name) VALUES (?, ?, ?)")) {
            int uncommitted = 0;
            RowReader.Chunk chunk;
            do {
                chunk = chunks.take();
                chunk.throwIfFailed();
                for (int i = 0; i < chunk.size(); i++) {
                    insert.setLong(1, listId);
                    insert.setString(2, chunk.e164(i));
                    insert.setString(3, chunk.name(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                uncommitted += chunk.size();
                if (uncommitted >= ROWS_PER_TRANSACTION) {
                    handle.commit();
                    handle.begin();
                    uncommitted = 0;
                }
            } while (!chunk.isEnd());
            handle.commit();
        } catch (SQLException e) {
            handle.rollback();
            throw new ImportProblem("Herald could not save the contacts, so none were imported: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            handle.rollback();
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
        } catch (RuntimeException e) {
            handle.rollback();
            throw e;
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportProblem("Herald cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static NumberSet numbersOfList(Handle handle, long listId) {
        NumberSet numbers = new NumberSet();
        handle.createQuery("SELECT e164 FROM contact WHERE list_id = :list")
                .bind("list", listId)
                .mapTo(String.class)
                .useStream(stream -> stream.forEach(numbers::add));
        return numbers;
    }

    private static NumberSet optedOutNumbers(Handle handle) {
        NumberSet numbers = new NumberSet();
        handle.createQuery("SELECT e164 FROM opt_out").mapTo(String.class).useStream(stream -> stream.forEach(numbers::add));
        return numbers;
    }

    /** A file-level problem in words, with the row where reading stopped when it is known. */
    static ImportProblem unreadable(Path file, CsvFormat format, Exception e, long row) {
        if (e instanceof ImportProblem problem) {
            return problem;
        }
        String where = row > 0 ? " near row " + row : "";
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new ImportProblem("The file is not all " + format.encoding().displayName() + " text" + where
                    + ". Choose another encoding (older Excel files are often Windows-1252).", e);
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new ImportProblem("A quotation mark" + where + " is never closed, so the rest of the file cannot be"
                    + " read. Fix that row in a spreadsheet and import again.", e);
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return new ImportProblem("A quoted value" + where + " has text after its closing quotation mark."
                    + " Fix that row in a spreadsheet and import again.", e);
        }
        return new ImportProblem("Herald cannot read " + file.getFileName() + where + ": " + message, e);
    }
}
