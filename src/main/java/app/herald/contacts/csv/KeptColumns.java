package app.herald.contacts.csv;

import app.herald.contacts.ContactFields;
import app.herald.contacts.csv.ColumnMapping.KeptColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The further columns a person keeps from a file, each under a field name made from its header:
 * chosen by position (the import dialog's ticks) or by header (`herald import --keep`).
 */
public final class KeptColumns {

    private KeptColumns() {
    }

    /** @throws ImportProblem when more columns are asked for than a contact can keep */
    public static List<KeptColumn> at(List<String> header, Collection<Integer> columns) {
        if (columns.size() > ContactFields.MAX_KEPT_COLUMNS) {
            throw new ImportProblem("Herald keeps at most " + ContactFields.MAX_KEPT_COLUMNS + " further columns of a file;"
                    + " " + columns.size() + " were chosen.");
        }
        List<KeptColumn> kept = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int column : columns.stream().sorted().distinct().toList()) {
            String field = ContactFields.fieldNameFor(column < header.size() ? header.get(column) : "", column, taken);
            taken.add(field);
            kept.add(new KeptColumn(column, field));
        }
        return kept;
    }

    /**
     * The columns of these headers (as the file writes them, any case).
     *
     * @throws ImportProblem when the file has no header row, or no such column
     */
    public static List<KeptColumn> named(List<String> header, Collection<String> names) {
        if (!names.isEmpty() && header.isEmpty()) {
            throw new ImportProblem("The file has no header row, so Herald cannot tell which column is \""
                    + names.iterator().next() + "\".");
        }
        List<Integer> columns = new ArrayList<>();
        for (String name : names) {
            int column = indexOf(header, name);
            if (column < 0) {
                throw new ImportProblem("The file has no column \"" + name + "\". Its columns are: "
                        + String.join(", ", header) + ".");
            }
            columns.add(column);
        }
        return at(header, columns);
    }

    private static int indexOf(List<String> header, String name) {
        String wanted = ColumnGuesser.normalise(name);
        for (int column = 0; column < header.size(); column++) {
            if (ColumnGuesser.normalise(header.get(column)).equals(wanted)) {
                return column;
            }
        }
        return -1;
    }
}
