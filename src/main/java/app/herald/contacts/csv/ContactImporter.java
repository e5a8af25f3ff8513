package app.herald.contacts.csv;

import app.herald.contacts.ListNameException;
import app.herald.contacts.NumberSet;
import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.SearchIndex;
import app.herald.storage.BulkWrites;
import app.herald.storage.Checkpoints;
import app.herald.storage.Engine;
import app.herald.storage.Lease;
import app.herald.storage.WorkLeases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a contact file into a list, all or nothing: the list's own contacts and the file's new
 * ones go, in number order and bounded transactions, into a list nobody sees yet, and one small
 * commit at the end puts it in the list's place; a failure, a bad file or a cancel removes it, and
 * so does the next start after a crash. A file that adds nobody leaves the list untouched. Reading
 * and checking run on a thread of their own while this one gathers what they pass.
 */
public final class ContactImporter {

    private static final int CHUNKS_IN_FLIGHT = 4;

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
        Optional<RecipientList> existing = lists.find(request.listName());
        Long replaced = existing.map(RecipientList::id).orElse(null);
        // the list offers the fields it had and the ones this file adds
        List<String> fields = new ArrayList<>(existing.map(RecipientList::fields).orElse(List.of()));
        fields.addAll(request.mapping().fields());
        long hidden = lists.createHidden(request.listName(), fields);
        // another desktop starting meanwhile leaves a hidden list alone while its lease lives
        try (Lease lease = WorkLeases.take(jdbi, RecipientLists.leaseSubject(hidden))) {
            ImportReport report = jdbi.withHandle(handle -> fill(handle, request, progress, replaced, hidden));
            if (replaced != null && report.imported() == 0) {
                // nothing new (the same file again): the list stays as it is, nothing is rewritten
                lists.purge(hidden);
                return report;
            }
            lists.publish(hidden, request.listName(), replaced);
            if (Engine.of(jdbi) == Engine.POSTGRESQL) {
                // fresh statistics, or the planner reads a list of a million to show a page of it (0.3 s, not 3 ms)
                jdbi.useHandle(handle -> handle.execute("ANALYZE contact"));
            }
            // the import's one synced commit: on disk before Herald says it is done
            Checkpoints.sync(jdbi);
            return report;
        } catch (RuntimeException e) {
            discard(hidden, e);
            throw e;
        }
    }

    /**
     * Fills the hidden list: the file is read on another thread (each number once, none the list
     * has already), then the list's own contacts and the file's new ones are written together.
     */
    private static ImportReport fill(Handle handle, ImportRequest request, ImportProgress progress, Long replaced,
            long hidden) {
        NumberSet numbers = replaced == null ? new NumberSet() : numbersOfList(handle, replaced);
        BlockingQueue<RowReader.Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        RowReader reader = new RowReader(request, numbers, optedOutNumbers(handle), progress, chunks);
        Thread readerThread = new Thread(reader, "herald-import-reader");
        readerThread.setDaemon(true);
        readerThread.start();
        try {
            if (Engine.of(handle.getJdbi()) == Engine.POSTGRESQL) {
                stream(handle, hidden, replaced, chunks, progress);
                return reader.report();
            }
            List<ContactRow> added = gather(chunks);
            if (replaced == null || !added.isEmpty()) {
                List<ContactRow> rows = replaced == null ? added : withContactsOf(handle, replaced, added);
                rows.sort(Comparator.comparing(ContactRow::e164));
                insert(handle, hidden, rows, progress);
            }
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

    /**
     * The file's new contacts, gathered so that they can be written in number order: in number
     * order each index grows at its end, as the table does. In the file's order the (list, number)
     * index took random inserts, and every commit rewrote most of its pages (a million-row import
     * took 4.3 times its reading and left a 3.9 GB file; in order, see BENCHMARKS.md).
     */
    private static List<ContactRow> gather(BlockingQueue<RowReader.Chunk> chunks) {
        List<ContactRow> rows = new ArrayList<>();
        try {
            RowReader.Chunk chunk;
            do {
                chunk = chunks.take();
                chunk.throwIfFailed();
                for (int i = 0; i < chunk.size(); i++) {
                    rows.add(ContactRow.read(chunk, i));
                }
            } while (!chunk.isEnd());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
        }
        return rows;
    }

    /** The list's own contacts, as they are, with the new ones. */
    private static List<ContactRow> withContactsOf(Handle handle, long list, List<ContactRow> added) {
        List<ContactRow> rows = new ArrayList<>(handle.createQuery(
                        """
                        SELECT e164, name, first_name, last_name, extra, created_at FROM contact
                        WHERE list_id = :list ORDER BY list_id, id""")
                .bind("list", list)
                .map((rs, ctx) -> new ContactRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6)))
                .list());
        rows.addAll(added);
        return rows;
    }

    /** H2's way: everything gathered first, then written in number order. */
    private static void insert(Handle handle, long listId, List<ContactRow> rows, ImportProgress progress) {
        progress.savingStarts(rows.size());
        try (ContactSaver saver = new ContactSaver(handle, listId, progress)) {
            for (ContactRow row : rows) {
                saver.add(row);
            }
            saver.finish();
        } catch (SQLException | IOException e) {
            throw saveFailed(e);
        }
    }

    /**
     * PostgreSQL's way: each chunk written as it comes, while the reader parses the next (on H2 the
     * order made the difference, on PostgreSQL the overlap does: see BENCHMARKS.md). A re-import
     * writes the list's own contacts first, once the file has given a new one.
     */
    private static void stream(Handle handle, long listId, Long replaced, BlockingQueue<RowReader.Chunk> chunks,
            ImportProgress progress) {
        progress.savedAsRead();
        List<ContactRow> own = replaced == null ? List.of() : withContactsOf(handle, replaced, List.of());
        try (ContactSaver saver = new ContactSaver(handle, listId, progress)) {
            boolean ownWritten = own.isEmpty();
            RowReader.Chunk chunk;
            do {
                chunk = chunks.take();
                chunk.throwIfFailed();
                if (!ownWritten && chunk.size() > 0) {
                    for (ContactRow row : own) {
                        saver.add(row);
                    }
                    ownWritten = true;
                }
                for (int i = 0; i < chunk.size(); i++) {
                    saver.add(ContactRow.read(chunk, i));
                }
            } while (!chunk.isEnd());
            saver.finish();
        } catch (SQLException | IOException e) {
            throw saveFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
        }
    }

    private static ImportProblem saveFailed(Exception e) {
        return new ImportProblem("Herald could not save the contacts, so none were imported: " + e.getMessage(), e);
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
