package app.herald.contacts.csv;

/**
 * Which columns of a file hold the phone number and the name (one column, or first + last).
 * {@link #NONE} marks a column that is not there.
 */
public record ColumnMapping(int phone, int name, int firstName, int lastName) {

    public static final int NONE = -1;

    public ColumnMapping {
        if (phone < NONE || name < NONE || firstName < NONE || lastName < NONE) {
            throw new IllegalArgumentException("a column is a position from 0, or NONE");
        }
    }

    public static ColumnMapping phoneOnly(int phone) {
        return new ColumnMapping(phone, NONE, NONE, NONE);
    }

    public boolean hasPhone() {
        return phone != NONE;
    }

    public ColumnMapping withPhone(int column) {
        return new ColumnMapping(column, name, firstName, lastName);
    }

    public ColumnMapping withName(int column) {
        return new ColumnMapping(phone, column, NONE, NONE);
    }

    public ColumnMapping withFirstAndLastName(int first, int last) {
        return new ColumnMapping(phone, NONE, first, last);
    }

    /** The contact's name from a row: the name column, else first and last joined; null when there is none. */
    public String nameOf(String[] row) {
        String full = cell(row, name);
        if (!full.isEmpty()) {
            return full;
        }
        String joined = (cell(row, firstName) + " " + cell(row, lastName)).strip();
        return joined.isEmpty() ? null : joined;
    }

    static String cell(String[] row, int column) {
        return column == NONE || column >= row.length || row[column] == null ? "" : row[column].strip();
    }
}
