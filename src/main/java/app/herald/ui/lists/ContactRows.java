package app.herald.ui.lists;

import app.herald.contacts.ContactFields;
import app.herald.ui.lists.NumberDialog.TextRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The contact editor's lines under the number: the name, the first and last name, and each field
 * the list keeps ({appointment}), with what the contact holds; and the contact's fields read back
 * from what the person typed.
 */
final class ContactRows {

    private final ResourceBundle bundle;
    private final List<String> keptFields;
    private final ContactFields current;

    /** @param listFields the fields of the contact's list; a field the contact has beyond them is shown too */
    ContactRows(ResourceBundle bundle, List<String> listFields, ContactFields current) {
        this.bundle = bundle;
        this.current = current;
        Set<String> kept = new LinkedHashSet<>(listFields);
        kept.addAll(current.extra().keySet());
        kept.removeAll(ContactFields.BUILT_IN);
        this.keptFields = List.copyOf(kept);
    }

    List<TextRow> rows() {
        List<TextRow> rows = new ArrayList<>();
        rows.add(new TextRow(bundle.getString("contacts.column.name") + ":", text(current.name())));
        rows.add(new TextRow(bundle.getString("contacts.firstName") + ":", text(current.firstName())));
        rows.add(new TextRow(bundle.getString("contacts.lastName") + ":", text(current.lastName())));
        keptFields.forEach(field -> rows.add(new TextRow("{" + field + "}:", current.value(field))));
        return rows;
    }

    /** @param texts the rows' texts, in {@link #rows()}'s order */
    ContactFields fieldsFrom(List<String> texts) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < keptFields.size(); i++) {
            extra.put(keptFields.get(i), texts.get(3 + i));
        }
        return new ContactFields(texts.get(0), texts.get(1), texts.get(2), extra);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
