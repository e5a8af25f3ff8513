package app.herald.contacts.csv;

import app.herald.contacts.PlainText;
import app.herald.files.FileWords;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Opens a contact file as CSV records in a given format; strict about the encoding, silent about a BOM. */
public final class CsvFiles {

    /**
     * What stands in for bytes the encoding cannot read: a lone low surrogate, which no decoder
     * produces from real text, so it can only mean that.
     */
    private static final String UNDECODABLE = "\uDFFF";

    private CsvFiles() {
    }

    /**
     * @param bytesRead told how many bytes were read, as they are read (for progress)
     */
    public static CSVParser open(Path file, CsvFormat format, LongConsumer bytesRead) throws IOException {
        FileWords.requireReadableFile(file);
        InputStream counted = new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    bytesRead.accept(read);
                }
                return read;
            }
        };
        // bytes that are not text in the encoding are marked, not thrown at once: the reader reads
        // 64 KB ahead of the parser, so an exception would name a row hundreds before the bad one
        Reader reader = new BufferedReader(new InputStreamReader(counted, format.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(UNDECODABLE)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return CSVParser.builder().setReader(reader).setFormat(format.commonsFormat()).get();
    }

    /**
     * @throws ImportProblem naming the row, when a value of it held bytes that are not text in the format's encoding
     */
    public static void requireDecoded(String[] values, long row, CsvFormat format) {
        for (String value : values) {
            if (value != null && value.contains(UNDECODABLE)) {
                throw new ImportProblem(String.format("Row %,d of the file is not all %s text. Choose another encoding"
                        + " (older Excel files are often Windows-1252), or fix that row.", row,
                        format.encoding().displayName()));
            }
        }
    }

    /** The header (empty when the format has none) and up to {@code limit} rows, for a preview; control characters shown as signs. */
    public static Preview preview(Path file, CsvFormat format, int limit) {
        try (CSVParser parser = open(file, format, read -> { })) {
            List<String> header = List.of();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                requireDecoded(record.values(), record.getRecordNumber(), format);
                String[] shown = Arrays.stream(record.values()).map(PlainText::visible).toArray(String[]::new);
                if (format.hasHeader() && record.getRecordNumber() == 1) {
                    header = Arrays.asList(shown);
                } else if (!isBlank(shown)) {
                    rows.add(shown);
                }
                if (rows.size() >= limit) {
                    break;
                }
            }
            return new Preview(header, rows);
        } catch (IOException | RuntimeException e) {
            throw ContactImporter.unreadable(file, format, e, -1);
        }
    }

    static boolean isBlank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The first rows of a file as its format reads them. */
    public record Preview(List<String> header, List<String[]> rows) {

        public Preview {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        public int columns() {
            return Math.max(header.size(), rows.stream().mapToInt(row -> row.length).max().orElse(0));
        }
    }
}
