package app.herald.contacts.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Writes a list to CSV the way Excel opens it right: UTF-8 with a BOM, and every cell that a
 * spreadsheet would run as a formula ({@code = + - @}) neutralised with a leading apostrophe.
 */
public final class ContactExporter {

    private final Jdbi jdbi;

    public ContactExporter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes next to {@code target} first and moves it into place, so a failed export leaves no half file. */
    public long export(long listId, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".herald-export", ".csv");
        try {
            long written;
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                // the BOM first, before the header: it is how Excel knows the file is UTF-8
                writer.write('\uFEFF');
                CSVPrinter printer = CSVFormat.EXCEL.builder().setHeader("phone", "name", "opted_out").get().print(writer);
                written = writeRows(listId, printer);
                printer.flush();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private long writeRows(long listId, CSVPrinter printer) throws IOException {
        try (Handle handle = jdbi.open();
             ResultIterator<String[]> rows = handle.createQuery("""
                             SELECT c.e164, c.name, o.e164 IS NOT NULL AS opted_out
                             FROM contact c LEFT JOIN opt_out o ON o.e164 = c.e164
                             WHERE c.list_id = :list ORDER BY c.id""")
                     .bind("list", listId)
                     .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "yes" : "no"})
                     .iterator()) {
            long count = 0;
            while (rows.hasNext()) {
                String[] row = rows.next();
                printer.printRecord(neutralise(row[0]), neutralise(row[1]), row[2]);
                count++;
            }
            return count;
        }
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + cell : cell;
    }
}
