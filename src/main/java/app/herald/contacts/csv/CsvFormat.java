package app.herald.contacts.csv;

import java.nio.charset.Charset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** How a contact file is written: its encoding, the character between columns, and whether row 1 is a header. */
public record CsvFormat(Charset encoding, char delimiter, boolean hasHeader) {

    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    public CsvFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("a CSV format needs an encoding");
        }
        if (!DELIMITERS.contains(delimiter)) {
            throw new IllegalArgumentException("the delimiter must be one of , ; tab |, not " + delimiter);
        }
    }

    public CsvFormat withEncoding(Charset newEncoding) {
        return new CsvFormat(newEncoding, delimiter, hasHeader);
    }

    public CsvFormat withDelimiter(char newDelimiter) {
        return new CsvFormat(encoding, newDelimiter, hasHeader);
    }

    /** Blank lines are kept as records, so record numbers stay the row numbers a spreadsheet shows. */
    CSVFormat commonsFormat() {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .setTrim(true)
                .get();
    }

    /** The delimiter as a person names it. */
    public static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "vertical bar";
            default -> String.valueOf(delimiter);
        };
    }
}
