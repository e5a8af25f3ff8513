package app.herald.contacts.csv;

import app.herald.contacts.ContactFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a file hold the phone number, the name (one column, first and last, or all
 * three), and which further columns a person chose to keep for personal messages, each under the
 * field name the composer offers it by. {@link #NONE} marks a column that is not there.
 */
public record ColumnMapping(int phone, int name, int firstName, int lastName, List<KeptColumn> kept) {

    public static final int NONE = -1;

    /** A further column kept with each contact, as {@code {field}} in a message. */
    public record KeptColumn(int column, String field) {

        public KeptColumn {
            if (column < 0 || !ContactFields.isFieldName(field) || ContactFields.BUILT_IN.contains(field)) {
                throw new IllegalArgumentException("a kept column needs a position and a field name of its own: " + field);
            }
        }
    }

    public ColumnMapping {
        if (phone < NONE || name < NONE || firstName < NONE || lastName < NONE) {
            throw new IllegalArgumentException("a column is a position from 0, or NONE");
        }
        kept = List.copyOf(kept);
        if (kept.stream().map(KeptColumn::field).distinct().count() < kept.size()) {
            throw new IllegalArgumentException("two kept columns have one field name");
        }
    }

    public ColumnMapping(int phone, int name, int firstName, int lastName) {
        this(phone, name, firstName, lastName, List.of());
    }

    public static ColumnMapping phoneOnly(int phone) {
        return new ColumnMapping(phone, NONE, NONE, NONE);
    }

    public boolean hasPhone() {
        return phone != NONE;
    }

    public ColumnMapping withPhone(int column) {
        return new ColumnMapping(column, name, firstName, lastName, kept);
    }

    public ColumnMapping withName(int column) {
        return new ColumnMapping(phone, column, firstName, lastName, kept);
    }

    public ColumnMapping withFirstAndLastName(int first, int last) {
        return new ColumnMapping(phone, name, first, last, kept);
    }

    public ColumnMapping keeping(List<KeptColumn> columns) {
        return new ColumnMapping(phone, name, firstName, lastName, columns);
    }

    /** The fields a contact imported so may have, as a list knows them: first and last name when mapped, and the kept ones. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        if (firstName != NONE) {
            fields.add(ContactFields.FIRST_NAME);
        }
        if (lastName != NONE) {
            fields.add(ContactFields.LAST_NAME);
        }
        kept.forEach(column -> fields.add(column.field()));
        return fields;
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

    /** The row's first name, or null when its cell is empty or there is no such column. */
    public String firstNameOf(String[] row) {
        return orNull(cell(row, firstName));
    }

    public String lastNameOf(String[] row) {
        return orNull(cell(row, lastName));
    }

    /** The row's kept cells by field name, empty ones left out. */
    public Map<String, String> keptOf(String[] row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeptColumn column : kept) {
            String value = cell(row, column.column());
            if (!value.isEmpty()) {
                values.put(column.field(), value);
            }
        }
        return values;
    }

    private static String orNull(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    static String cell(String[] row, int column) {
        return column == NONE || column >= row.length || row[column] == null ? "" : row[column].strip();
    }
}
