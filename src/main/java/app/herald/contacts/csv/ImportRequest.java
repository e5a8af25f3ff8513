package app.herald.contacts.csv;

import java.nio.file.Path;

/** One import: which file, read how, into which list, with which default country, landlines or not. */
public record ImportRequest(Path file, CsvFormat format, ColumnMapping mapping, String region, long listId,
        boolean includeLandlines) {

    public ImportRequest {
        if (file == null || format == null || mapping == null || region == null) {
            throw new IllegalArgumentException("an import needs a file, its format, a column mapping and a country");
        }
    }
}
