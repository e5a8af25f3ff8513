package app.herald.contacts.csv;

/** A row that was not imported: its row number as a spreadsheet shows it, the raw value, and why. */
public record RejectedRow(long row, String value, String reason) {

    public RejectedRow {
        if (row < 1) {
            throw new IllegalArgumentException("rows are numbered from 1");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejected row needs a reason");
        }
        value = value == null ? "" : value;
    }
}
