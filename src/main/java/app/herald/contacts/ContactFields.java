package app.herald.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a personal message can say of one contact: the full name, the first and last name, and the
 * further columns kept from its file, each by the field name a message writes it as
 * ({@code {first_name}}, {@code {appointment}}). The kept ones are stored as a JSON object.
 */
public record ContactFields(String name, String firstName, String lastName, Map<String, String> extra) {

    public static final String NAME = "name";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    /** Fields every contact has (empty when not known), whatever its file held. */
    public static final List<String> BUILT_IN = List.of(FIRST_NAME, LAST_NAME, NAME);
    /** A first or last name is kept to this length, as the columns hold it. */
    public static final int MAX_NAME_PART = 100;
    /** Columns one list keeps at most, and the length of each value: ten of the longest fit the 4,000 of contact.extra. */
    public static final int MAX_KEPT_COLUMNS = 10;
    public static final int MAX_KEPT_VALUE = 150;

    public static final ContactFields NONE = new ContactFields(null, null, null, Map.of());

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TEXT_BY_FIELD = new TypeReference<>() {
    };

    public ContactFields {
        // in the file's order of columns, as the editor shows them
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** A contact known by a name alone. */
    public static ContactFields named(String name) {
        return new ContactFields(name, null, null, Map.of());
    }

    /** A contact's fields as the database keeps them. */
    public static ContactFields of(String name, String firstName, String lastName, String extraJson) {
        return new ContactFields(name, firstName, lastName, parseExtra(extraJson));
    }

    /** The field's text for this contact, or "" when it has none. */
    public String value(String field) {
        String value = switch (field) {
            case NAME -> name;
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            default -> extra.get(field);
        };
        return value == null ? "" : value;
    }

    public static boolean isFieldName(String text) {
        return text != null && FIELD_NAME.matcher(text).matches();
    }

    /**
     * The field name a column's header becomes: "Appointment time" is {@code appointment_time},
     * "Téléphone 2" {@code telephone_2}; a header with no letters, or one taken, gets the column's
     * number ({@code column_4}).
     */
    public static String fieldNameFor(String header, int column, Collection<String> taken) {
        String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^[_0-9]+|_+$", "");
        if (name.length() > 40) {
            name = name.substring(0, 40).replaceAll("_+$", "");
        }
        if (!isFieldName(name) || taken.contains(name) || BUILT_IN.contains(name)) {
            name = "column_" + (column + 1);
        }
        return name;
    }

    /** The kept fields as the database keeps them, or null when there are none. */
    public static String extraJson(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of text is always JSON", e);
        }
    }

    public String extraJson() {
        return extraJson(extra);
    }

    /** The kept fields from the database; a value Herald did not write (hand-edited, broken) reads as none. */
    static Map<String, String> parseExtra(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TEXT_BY_FIELD);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** A list's field names as recipient_list.fields keeps them. */
    public static List<String> parseFieldList(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(stored.split(","));
    }

    public static String fieldList(Collection<String> fields) {
        return fields.isEmpty() ? null : String.join(",", new LinkedHashSet<>(fields));
    }
}
