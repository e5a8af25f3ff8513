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
 * spreadsheet would run as a formula neutralised with a leading apostrophe.
 * The file is written next to its target and moved into place, so a failure leaves no half file.
 */
public final class SpreadsheetCsv {

    /** What a spreadsheet may read as the start of a formula. */
    private static final String FORMULA_STARTS = "=+-@|%\uFF1D\uFF0B\uFF0D\uFF20\uFF5C\uFF05";
    /** What a spreadsheet skips before it: spaces, tabs, no-break and zero-width spaces. */
    private static final String LEADING_BLANKS = " \t\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF";

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

    /**
     * A cell a spreadsheet would run as a formula, with a leading apostrophe: one that begins with a
     * tab or a carriage return, or whose first visible character (after spaces, no-break and
     * zero-width spaces) is one of {@code = + - @ | %} or their full-width forms (OWASP's advice
     * on CSV injection; Excel and LibreOffice skip the spaces and read the full-width signs).
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        if (cell.charAt(0) == '\t' || cell.charAt(0) == '\r') {
            return "'" + cell;
        }
        int first = 0;
        while (first < cell.length() && LEADING_BLANKS.indexOf(cell.charAt(first)) >= 0) {
            first++;
        }
        return first < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(first)) >= 0 ? "'" + cell : cell;
    }
}
