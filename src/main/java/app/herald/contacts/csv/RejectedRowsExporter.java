package app.herald.contacts.csv;

import java.nio.file.Path;
import java.util.List;

/** Saves the rows an import could not use, with their reasons, so a person can fix them in a spreadsheet. */
public final class RejectedRowsExporter {

    private RejectedRowsExporter() {
    }

    public static void export(List<RejectedRow> rejected, Path target) {
        SpreadsheetCsv.write(target, printer -> {
            for (RejectedRow row : rejected) {
                printer.printRecord(row.row(), SpreadsheetCsv.neutralise(row.value()), row.reason());
            }
            return rejected.size();
        }, "row", "value", "reason");
    }
}
