package app.herald.contacts.csv;

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

    private CsvFiles() {
    }

    /**
     * @param bytesRead told how many bytes were read, as they are read (for progress)
     */
    public static CSVParser open(Path file, CsvFormat format, LongConsumer bytesRead) throws IOException {
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
        Reader reader = new BufferedReader(new InputStreamReader(counted, format.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return CSVParser.builder().setReader(reader).setFormat(format.commonsFormat()).get();
    }

    /** The header (empty when the format has none) and up to {@code limit} rows, for a preview. */
    public static Preview preview(Path file, CsvFormat format, int limit) {
        try (CSVParser parser = open(file, format, read -> { })) {
            List<String> header = List.of();
            List<String[]> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (format.hasHeader() && record.getRecordNumber() == 1) {
                    header = Arrays.asList(record.values());
                } else if (!isBlank(record.values())) {
                    rows.add(record.values());
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
