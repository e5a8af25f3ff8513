package app.herald.contacts.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a CSV file the way Excel opens it right: UTF-8 with a BOM, and every cell that a
 * spreadsheet would run as a formula ({@code = + - @}) neutralised with a leading apostrophe.
 * The file is written next to its target and moved into place, so a failure leaves no half file.
 */
public final class SpreadsheetCsv {

    /** Prints the rows; cells go through {@link #neutralise(String)} first. */
    public interface Rows {
        long printTo(CSVPrinter printer) throws IOException;
    }

    private SpreadsheetCsv() {
    }

    /** @return what {@code rows} returned: how many were written */
    public static long write(Path target, Rows rows, String... header) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".herald-export", ".csv");
        try {
            long written;
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                // the BOM first, before the header: it is how Excel knows the file is UTF-8
                writer.write('\uFEFF');
                CSVPrinter printer = CSVFormat.EXCEL.builder().setHeader(header).get().print(writer);
                written = rows.printTo(printer);
                printer.flush();
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + cell : cell;
    }
}
