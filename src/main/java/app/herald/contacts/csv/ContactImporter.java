package app.herald.contacts.csv;

import app.herald.contacts.NumberSet;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Imports a contact file into a list, all or nothing: every row is checked and written inside one
 * transaction, so a failure, a bad file or a cancel leaves the list exactly as it was.
 */
public final class ContactImporter {

    private static final int BATCH = 5_000;
    private static final int MAX_NAME = 300;

    private final Jdbi jdbi;

    public ContactImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @throws ImportProblem          when the file cannot be read as asked (nothing was imported)
     * @throws CancellationException when {@code progress} was cancelled (nothing was imported)
     */
    public ImportReport importFile(ImportRequest request, ImportProgress progress) {
        if (!request.mapping().hasPhone()) {
            throw new ImportProblem("No column looks like phone numbers. Choose the column that holds them.");
        }
        PhoneNumbers phones = new PhoneNumbers(request.region());
        return jdbi.inTransaction(handle -> {
            NumberSet seen = numbersOfList(handle, request.listId());
            NumberSet optedOut = optedOutNumbers(handle);
            Run run = new Run(request, phones, seen, optedOut, handle);
            try {
                progress.start(Files.size(request.file()));
                run.readAll(progress);
            } catch (IOException | UncheckedIOException e) {
                // the failure came while reading the record after the last one read
                throw unreadable(request.file(), request.format(), e, run.row + 1);
            }
            handle.createUpdate("UPDATE recipient_list SET updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("id", request.listId()).execute();
            return run.report();
        });
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

    /** The state of one import while it reads the file. */
    private static final class Run {

        private final ImportRequest request;
        private final PhoneNumbers phones;
        private final NumberSet seen;
        private final NumberSet optedOutNumbers;
        private final PreparedBatch insert;
        private final List<RejectedRow> rejected = new ArrayList<>();
        private long row;
        private long dataRows;
        private long imported;
        private long duplicates;
        private long invalid;
        private long landlines;
        private long optedOut;

        Run(ImportRequest request, PhoneNumbers phones, NumberSet seen, NumberSet optedOutNumbers, Handle handle) {
            this.request = request;
            this.phones = phones;
            this.seen = seen;
            this.optedOutNumbers = optedOutNumbers;
            this.insert = handle.prepareBatch("INSERT INTO contact (list_id, e164, name) VALUES (:list, :e164, :name)");
        }

        void readAll(ImportProgress progress) throws IOException {
            try (CSVParser parser = CsvFiles.open(request.file(), request.format(), progress::bytesRead)) {
                for (CSVRecord record : parser) {
                    row = record.getRecordNumber();
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
            flush();
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
            String name = truncate(request.mapping().nameOf(values));
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
                insert.bind("list", request.listId()).bind("e164", check.e164()).bind("name", name).add();
                if (insert.size() >= BATCH) {
                    flush();
                }
            }
        }

        private void reject(String value, String reason) {
            if (rejected.size() < ImportReport.MAX_REJECTED_LISTED) {
                rejected.add(new RejectedRow(row, value, reason));
            }
        }

        private void flush() {
            if (insert.size() > 0) {
                insert.execute();
            }
        }

        private static String truncate(String name) {
            return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
        }

        ImportReport report() {
            return new ImportReport(dataRows, imported, duplicates, invalid, landlines, optedOut, rejected);
        }
    }
}
