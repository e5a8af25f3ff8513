package app.herald.contacts.csv;

import app.herald.storage.LargeReads;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/** Writes a list to a CSV file that Excel opens right (see {@link SpreadsheetCsv}). */
public final class ContactExporter {

    private final Jdbi jdbi;

    public ContactExporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return how many contacts were written */
    public long export(long listId, Path target) {
        return SpreadsheetCsv.write(target, printer -> writeRows(listId, printer), "phone", "name", "opted_out");
    }

    private long writeRows(long listId, CSVPrinter printer) throws IOException {
        long[] count = {0};
        LargeReads.stream(jdbi, handle -> {
            try (ResultIterator<String[]> rows = handle.createQuery("""
                            SELECT c.e164, c.name, o.e164 IS NOT NULL AS opted_out
                            FROM contact c LEFT JOIN opt_out o ON o.e164 = c.e164
                            WHERE c.list_id = :list ORDER BY c.id""")
                    .bind("list", listId)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "yes" : "no"})
                    .iterator()) {
                while (rows.hasNext()) {
                    String[] row = rows.next();
                    printer.printRecord(SpreadsheetCsv.neutralise(row[0]), SpreadsheetCsv.neutralise(row[1]), row[2]);
                    count[0]++;
                }
            }
        });
        return count[0];
    }
}
