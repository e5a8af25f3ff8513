package app.herald.contacts.csv;

import app.herald.contacts.OptOuts;
import app.herald.contacts.PhoneCheck;
import app.herald.contacts.PhoneNumbers;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;

/** Opts out every valid number of a file, in one transaction: a file that cannot be read adds none. */
public final class OptOutImporter {

    private final Jdbi jdbi;

    public OptOutImporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How many numbers were added, were on the list already, or were not numbers. */
    public record Result(long added, long already, long invalid) {
    }

    public Result importFile(Path file, CsvFormat format, ColumnMapping mapping, String region, String reason) {
        if (!mapping.hasPhone()) {
            throw new ImportProblem("No column looks like phone numbers. Choose the column that holds them.");
        }
        PhoneNumbers phones = new PhoneNumbers(region);
        String source = "import of " + file.getFileName();
        return jdbi.inTransaction(handle -> {
            long added = 0;
            long already = 0;
            long invalid = 0;
            try (CSVParser parser = CsvFiles.open(file, format, read -> { })) {
                for (CSVRecord record : parser) {
                    CsvFiles.requireDecoded(record.values(), record.getRecordNumber(), format);
                    if (format.hasHeader() && record.getRecordNumber() == 1) {
                        continue;
                    }
                    for (String raw : PhoneNumbers.splitCell(ColumnMapping.cell(record.values(), mapping.phone()))) {
                        PhoneCheck check = phones.check(raw);
                        if (!check.isValid()) {
                            invalid++;
                        } else if (OptOuts.add(handle, check.e164(), reason, source)) {
                            added++;
                        } else {
                            already++;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw ContactImporter.unreadable(file, format, e, -1);
            }
            return new Result(added, already, invalid);
        });
    }
}
