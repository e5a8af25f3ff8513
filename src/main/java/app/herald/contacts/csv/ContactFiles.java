package app.herald.contacts.csv;

import java.nio.file.Path;

/**
 * What a contact file holds, as every import asks it (the import dialog, the opt-outs import,
 * {@code herald import}, {@code herald optouts import}): its encoding, separator and header row,
 * its first rows, and a guess of the phone and name columns.
 */
public final class ContactFiles {

    /** Enough rows for the column guess to see what the cells hold. */
    public static final int INSPECTED_ROWS = 200;

    private ContactFiles() {
    }

    /** Detects the format, then reads the first rows as it says. Reads the file: not on the UI thread. */
    public static Inspection inspect(Path file) {
        return inspect(file, CsvSniffer.sniff(file));
    }

    /** Reads the first rows in a format the person chose (or corrected), and guesses the columns again. */
    public static Inspection inspect(Path file, CsvFormat format) {
        CsvFiles.Preview preview = CsvFiles.preview(file, format, INSPECTED_ROWS);
        return new Inspection(format, preview, ColumnGuesser.guess(preview.header(), preview.rows()));
    }

    /** A file's format, its first rows read that way, and the columns guessed from them. */
    public record Inspection(CsvFormat format, CsvFiles.Preview preview, ColumnMapping guess) {
    }
}
