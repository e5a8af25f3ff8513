package app.herald.contacts.csv;

import java.nio.file.Path;

/**
 * One import: which file, read how, into which list (made by the import when there is none of
 * that name), with which default country, landlines or not.
 */
public record ImportRequest(Path file, CsvFormat format, ColumnMapping mapping, String region, String listName,
        boolean includeLandlines) {

    public ImportRequest {
        if (file == null || format == null || mapping == null || region == null || listName == null) {
            throw new IllegalArgumentException("an import needs a file, its format, a column mapping, a country and a list");
        }
    }
}
