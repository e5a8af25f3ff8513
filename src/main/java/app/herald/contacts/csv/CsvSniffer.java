package app.herald.contacts.csv;

import app.herald.files.FileWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Works out how a contact file is written (encoding, delimiter, header row) from its first bytes,
 * and refuses what is not a contact file at all (empty, binary, a workbook) in plain words.
 */
public final class CsvSniffer {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final int SAMPLE_RECORDS = 50;

    private CsvSniffer() {
    }

    public static CsvFormat sniff(Path file) {
        byte[] head = readHead(file);
        Charset encoding = detectEncoding(head);
        String text = Bom.strip(new String(head, encoding));
        char delimiter = detectDelimiter(text);
        boolean header = looksLikeHeader(records(text, delimiter));
        return new CsvFormat(encoding, delimiter, header);
    }

    private static byte[] readHead(Path file) {
        FileWords.requireReadableFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SAMPLE_BYTES);
            if (head.length == 0) {
                throw new ImportProblem("The file is empty.");
            }
            return head;
        } catch (IOException e) {
            throw new ImportProblem("Herald cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static Charset detectEncoding(byte[] head) {
        Charset byBom = Bom.charsetOf(head);
        if (byBom != null) {
            return byBom;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new ImportProblem("This is an Excel workbook (or another packed file), not a CSV file."
                    + " In Excel, choose File > Save As and pick \"CSV UTF-8\", then import that file.");
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new ImportProblem("This is a PDF document, not a CSV file. Export the contacts as CSV and import that file.");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportProblem("This is not a text file, so it holds no contacts Herald can read."
                        + " Export the contacts as CSV and import that file.");
            }
        }
        return isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != (byte) prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8, forgiving only a character cut in half at the end of the sample. */
    private static boolean isUtf8(byte[] head) {
        int end = head.length;
        if (end == SAMPLE_BYTES) {
            while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The delimiter that splits the sampled rows into the same number of columns most often. */
    static char detectDelimiter(String text) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : CsvFormat.DELIMITERS) {
            double score = consistency(records(text, candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Share of rows having the most common column count, times how many columns that is (1 scores 0). */
    private static double consistency(List<List<String>> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        int rowsWithContent = 0;
        for (List<String> row : rows) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            rowsWithContent++;
            counts.merge(row.size(), 1, Integer::sum);
        }
        if (rowsWithContent == 0) {
            return 0;
        }
        Map.Entry<Integer, Integer> common = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow();
        if (common.getKey() < 2) {
            return 0;
        }
        double share = (double) common.getValue() / rowsWithContent;
        return share * Math.log(common.getKey());
    }

    /** A first row is a header when it names a column Herald knows, or holds no phone-like value while later rows do. */
    static boolean looksLikeHeader(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        List<String> first = rows.get(0);
        if (first.stream().anyMatch(ColumnGuesser::isKnownHeader)) {
            return true;
        }
        boolean firstHasNumber = first.stream().anyMatch(CsvSniffer::looksLikeNumber);
        boolean laterHaveNumbers = rows.stream().skip(1).flatMap(List::stream).anyMatch(CsvSniffer::looksLikeNumber);
        return !firstHasNumber && laterHaveNumbers;
    }

    static boolean looksLikeNumber(String cell) {
        return cell.chars().filter(Character::isDigit).count() >= 6;
    }

    /** The first sampled records; the last is dropped when the sample cut it short. */
    static List<List<String>> records(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, delimiter, false);
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format.commonsFormat())
                .get()) {
            for (CSVRecord record : parser) {
                rows.add(Arrays.asList(record.values()));
                if (rows.size() >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException unparsable) {
            // a sample cut inside a quoted field, or not CSV with this delimiter: judge what was read
        }
        return rows;
    }
}
