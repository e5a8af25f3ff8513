package app.herald.contacts.csv;

import app.herald.contacts.NumberSet;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import app.herald.contacts.PlainText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reading half of an import: parses the file, checks every number, drops duplicates, counts
 * what it rejects, and hands the contacts to keep to the writer in chunks. Ends the stream with an
 * end chunk that carries the failure, if any, so the writer's thread rethrows it.
 */
final class RowReader implements Runnable {

    private static final int CHUNK = 5_000;
    private static final int MAX_NAME = 300;

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
        try (CSVParser parser = CsvFiles.open(request.file(), request.format(), progress::bytesRead)) {
            for (CSVRecord record : parser) {
                row = record.getRecordNumber();
                CsvFiles.requireDecoded(record.values(), row, request.format());
                if (request.format().hasHeader() && row == 1) {
                    continue;
                }
                readRow(record.values());
                if (row % 1_000 == 0) {
                    progress.rowsRead(dataRows);
                    if (progress.isCancelled()) {
                        throw new CancellationException("import cancelled at row " + row);
                    }
                }
            }
        }
        progress.rowsRead(dataRows);
        if (dataRows == 0) {
            throw new ImportProblem(request.format().hasHeader()
                    ? "The file has a header row but no contacts under it."
                    : "The file holds no contacts.");
        }
    }

    private void readRow(String[] values) {
        if (CsvFiles.isBlank(values)) {
            return;
        }
        dataRows++;
        int phoneColumn = request.mapping().phone();
        if (phoneColumn >= values.length) {
            invalid++;
            reject("", "this row has fewer columns than the others, and no phone number");
            return;
        }
        List<String> numbers = PhoneNumbers.splitCell(values[phoneColumn]);
        if (numbers.isEmpty()) {
            invalid++;
            reject("", "no phone number");
            return;
        }
        String name = keptName(request.mapping().nameOf(values));
        for (String raw : numbers) {
            take(raw, name);
        }
    }

    private void take(String raw, String name) {
        PhoneCheck check = phones.check(raw);
        if (!check.isValid()) {
            invalid++;
            reject(raw, check.reason());
        } else if (check.verdict() == PhoneCheck.Verdict.LANDLINE && !request.includeLandlines()) {
            landlines++;
            reject(raw, check.reason());
        } else if (!seen.add(check.e164())) {
            duplicates++;
        } else {
            imported++;
            if (optedOutNumbers.contains(check.e164())) {
                optedOut++;
            }
            chunk.add(check.e164(), name);
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

    private void reject(String value, String reason) {
        if (rejected.size() < ImportReport.MAX_REJECTED_LISTED) {
            rejected.add(new RejectedRow(row, PlainText.visible(value), reason));
        }
    }

    private static String keptName(String cell) {
        String name = PlainText.clean(cell);
        return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    /** Read only after the end chunk was taken, which happens-after every write here. */
    ImportReport report() {
        return new ImportReport(dataRows, imported, duplicates, invalid, landlines, optedOut, rejected);
    }

    /** Contacts on their way to the writer; the last chunk of a stream is marked as the end. */
    static final class Chunk {

        private final String[] e164s;
        private final String[] names;
        private int size;
        private boolean end;
        private RuntimeException failure;

        private Chunk(int capacity) {
            e164s = new String[capacity];
            names = new String[capacity];
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

        void add(String e164, String name) {
            e164s[size] = e164;
            names[size] = name;
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

        String name(int index) {
            return names[index];
        }
    }
}
