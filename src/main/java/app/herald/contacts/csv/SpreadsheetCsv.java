package app.herald.contacts.csv;

import app.herald.files.FileProblem;
import app.herald.files.FileWords;
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

    /**
     * @return what {@code rows} returned: how many were written
     * @throws FileProblem when the file cannot be written (no such folder, a folder in the way, the disk full): in words
     */
    public static long write(Path target, Rows rows, String... header) {
        FileWords.requireWritableFile(target);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".herald-export", ".csv");
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
        } catch (IOException e) {
            throw FileWords.writing(target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // a hidden .herald-export file left beside the target is harmless, and says what it is
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
