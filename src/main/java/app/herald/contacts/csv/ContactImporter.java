package app.herald.contacts.csv;

import app.herald.contacts.ListNameException;
import app.herald.contacts.NumberSet;
import app.herald.contacts.RecipientLists;
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
 * Imports a contact file into a list, all or nothing: every row is written inside one transaction,
 * so a failure, a bad file or a cancel leaves the list exactly as it was. Reading and checking
 * run on a thread of their own while this one writes, so the two halves of the work overlap.
 */
public final class ContactImporter {

    private static final int CHUNKS_IN_FLIGHT = 4;

    private final Jdbi jdbi;

    public ContactImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
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
        return jdbi.inTransaction(handle -> {
            progress.start(fileSize(request.file()));
            long listId = RecipientLists.findOrCreate(handle, request.listName()).id();
            BlockingQueue<RowReader.Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
            RowReader reader = new RowReader(request, numbersOfList(handle, listId),
                    optedOutNumbers(handle), progress, chunks);
            Thread readerThread = new Thread(reader, "herald-import-reader");
            readerThread.setDaemon(true);
            readerThread.start();
            try {
                writeAll(handle, listId, chunks);
            } finally {
                readerThread.interrupt();
            }
            handle.createUpdate("UPDATE recipient_list SET updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("id", listId).execute();
            return reader.report();
        });
    }

    /** Plain JDBC batches: per row, Jdbi's named binding costs more than H2's insert. */
    private static void writeAll(Handle handle, long listId, BlockingQueue<RowReader.Chunk> chunks) {
        Connection connection = handle.getConnection();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact (list_id, e164, name) VALUES (?, ?, ?)")) {
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
            } while (!chunk.isEnd());
        } catch (SQLException e) {
            throw new ImportProblem("Herald could not save the contacts, so none were imported: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
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
