package app.herald.contacts.csv;

import app.herald.concurrent.NamedExecutors;
import app.herald.contacts.ContactFields;
import app.herald.contacts.NumberSet;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.PlainText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reading half of an import: parses the file, checks every number, drops duplicates, counts
 * what it rejects, and hands the contacts to keep to the writer in chunks. Ends the stream with an
 * end chunk that carries the failure, if any, so the writer's thread rethrows it.
 *
 * <p>Checking a number (libphonenumber) is most of an import's reading, so rows are checked in runs
 * on as many threads as the computer has cores, while this thread parses the next ones; it takes
 * the checked runs back in the file's order, so duplicates, counts and the rejected rows come out
 * exactly as if one thread had done it all.
 */
final class RowReader implements Runnable {

    private static final int CHUNK = 5_000;
    private static final int MAX_NAME = 300;
    /** Rows a checker takes at a time. */
    private static final int ROWS_PER_RUN = 2_000;
    /** Runs parsed ahead of the one taken back: enough to keep every checker busy, few enough to hold little. */
    private static final int RUNS_AHEAD = 8;

    private final ImportRequest request;
    private final PhoneNumbers phones;
    private final NumberSet seen;
    private final NumberSet optedOutNumbers;
    private final ImportProgress progress;
    private final BlockingQueue<Chunk> chunks;
    private final List<RejectedRow> rejected = new ArrayList<>();
    private Chunk chunk = new Chunk(CHUNK);
    private long row;
    private long dataRows;
    private long imported;
    private long duplicates;
    private long invalid;
    private long landlines;
    private long optedOut;

    RowReader(ImportRequest request, NumberSet seen, NumberSet optedOutNumbers, ImportProgress progress,
            BlockingQueue<Chunk> chunks) {
        this.request = request;
        this.phones = new PhoneNumbers(request.region());
        this.seen = seen;
        this.optedOutNumbers = optedOutNumbers;
        this.progress = progress;
        this.chunks = chunks;
    }

    @Override
    public void run() {
        RuntimeException failure = null;
        try {
            readAll();
        } catch (IOException | UncheckedIOException e) {
            // the failure came while reading the record after the last one read
            failure = ContactImporter.unreadable(request.file(), request.format(), e, row + 1);
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            chunks.put(failure == null ? chunk.ending() : Chunk.failed(failure));
        } catch (InterruptedException e) {
            // the writer gave up first: nobody is waiting for the end
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() throws IOException {
        ExecutorService checkers = NamedExecutors.fixedPool("herald-import-check", Runtime.getRuntime().availableProcessors());
        Deque<Future<List<CheckedRow>>> ahead = new ArrayDeque<>();
        try (CSVParser parser = CsvFiles.open(request.file(), request.format(), progress::bytesRead)) {
            List<ParsedRow> run = new ArrayList<>(ROWS_PER_RUN);
            for (CSVRecord record : parser) {
                row = record.getRecordNumber();
                CsvFiles.requireDecoded(record.values(), row, request.format());
                if (request.format().hasHeader() && row == 1) {
                    continue;
                }
                run.add(new ParsedRow(row, record.values()));
                if (run.size() == ROWS_PER_RUN) {
                    List<ParsedRow> parsed = run;
                    ahead.add(checkers.submit(() -> check(parsed)));
                    run = new ArrayList<>(ROWS_PER_RUN);
                    if (ahead.size() > RUNS_AHEAD) {
                        takeBack(ahead.removeFirst());
                    }
                }
            }
            List<ParsedRow> last = run;
            ahead.add(checkers.submit(() -> check(last)));
            while (!ahead.isEmpty()) {
                takeBack(ahead.removeFirst());
            }
        } finally {
            checkers.shutdownNow();
        }
        if (dataRows == 0) {
            throw new ImportProblem(request.format().hasHeader()
                    ? "The file has a header row but no contacts under it."
                    : "The file holds no contacts.");
        }
    }

    /** A row as the file gave it. */
    private record ParsedRow(long row, String[] values) {
    }

    /**
     * A row with its numbers checked: what {@link #takeBack} needs to count it, in any thread.
     *
     * @param numbers the cell's raw numbers, each with its check (none when the row has no phone column)
     */
    private record CheckedRow(long row, boolean tooFewColumns, Kept kept, List<String> numbers, List<PhoneCheck> checks) {
    }

    /** What a contact keeps of its row besides the number: the names, and the kept columns as JSON. */
    record Kept(String name, String firstName, String lastName, String extra) {

        static final Kept NOTHING = new Kept(null, null, null, null);
    }

    /** On a checker: the run's rows that are not blank, their numbers checked. */
    private List<CheckedRow> check(List<ParsedRow> run) {
        List<CheckedRow> checked = new ArrayList<>(run.size());
        int phoneColumn = request.mapping().phone();
        for (ParsedRow parsed : run) {
            String[] values = parsed.values();
            if (CsvFiles.isBlank(values)) {
                continue;
            }
            if (phoneColumn >= values.length) {
                checked.add(new CheckedRow(parsed.row(), true, Kept.NOTHING, List.of(), List.of()));
                continue;
            }
            List<String> numbers = PhoneNumbers.splitCell(values[phoneColumn]);
            checked.add(new CheckedRow(parsed.row(), false, kept(values), numbers, numbers.stream().map(phones::check).toList()));
        }
        return checked;
    }

    /** Back on this thread, in the file's order: counts a checked run and keeps its new numbers. */
    private void takeBack(Future<List<CheckedRow>> run) {
        List<CheckedRow> rows;
        try {
            rows = run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import stopped");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
        for (CheckedRow checked : rows) {
            dataRows++;
            if (checked.tooFewColumns()) {
                invalid++;
                reject(checked.row(), "", "this row has fewer columns than the others, and no phone number");
            } else if (checked.numbers().isEmpty()) {
                invalid++;
                reject(checked.row(), "", "no phone number");
            }
            for (int i = 0; i < checked.numbers().size(); i++) {
                take(checked.row(), checked.numbers().get(i), checked.checks().get(i), checked.kept());
            }
        }
        progress.rowsRead(dataRows);
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled at row " + row);
        }
    }

    private void take(long fromRow, String raw, PhoneCheck check, Kept kept) {
        if (!check.isValid()) {
            invalid++;
            reject(fromRow, raw, check.reason());
        } else if (check.verdict() == PhoneCheck.Verdict.LANDLINE && !request.includeLandlines()) {
            landlines++;
            reject(fromRow, raw, check.reason());
        } else if (!seen.add(check.e164())) {
            duplicates++;
        } else {
            imported++;
            if (optedOutNumbers.contains(check.e164())) {
                optedOut++;
            }
            chunk.add(check.e164(), kept);
            if (chunk.isFull()) {
                hand(chunk);
                chunk = new Chunk(CHUNK);
            }
        }
    }

    private void hand(Chunk full) {
        try {
            chunks.put(full);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import stopped");
        }
    }

    private void reject(long fromRow, String value, String reason) {
        if (rejected.size() < ImportReport.MAX_REJECTED_LISTED) {
            rejected.add(new RejectedRow(fromRow, PlainText.visible(value), reason));
        }
    }

    private Kept kept(String[] values) {
        ColumnMapping mapping = request.mapping();
        Map<String, String> extra = new LinkedHashMap<>();
        mapping.keptOf(values).forEach((field, value) -> extra.put(field, shortened(value, ContactFields.MAX_KEPT_VALUE)));
        return new Kept(shortened(mapping.nameOf(values), MAX_NAME),
                shortened(mapping.firstNameOf(values), ContactFields.MAX_NAME_PART),
                shortened(mapping.lastNameOf(values), ContactFields.MAX_NAME_PART), ContactFields.extraJson(extra));
    }

    private static String shortened(String cell, int most) {
        String text = PlainText.clean(cell);
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }

    /** Read only after the end chunk was taken, which happens-after every write here. */
    ImportReport report() {
        return new ImportReport(dataRows, imported, duplicates, invalid, landlines, optedOut, rejected);
    }

    /** Contacts on their way to the writer; the last chunk of a stream is marked as the end. */
    static final class Chunk {

        private final String[] e164s;
        private final Kept[] kept;
        private int size;
        private boolean end;
        private RuntimeException failure;

        private Chunk(int capacity) {
            e164s = new String[capacity];
            kept = new Kept[capacity];
        }

        static Chunk failed(RuntimeException failure) {
            Chunk chunk = new Chunk(0);
            chunk.end = true;
            chunk.failure = failure;
            return chunk;
        }

        Chunk ending() {
            end = true;
            return this;
        }

        void add(String e164, Kept what) {
            e164s[size] = e164;
            kept[size] = what;
            size++;
        }

        boolean isFull() {
            return size == e164s.length;
        }

        /** Rethrows, in the writer's thread, what stopped the reader. */
        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }

        boolean isEnd() {
            return end;
        }

        int size() {
            return size;
        }

        String e164(int index) {
            return e164s[index];
        }

        Kept kept(int index) {
            return kept[index];
        }
    }
}
