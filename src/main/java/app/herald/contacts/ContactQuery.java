package app.herald.contacts;

import java.util.Locale;

/**
 * Which contacts of a list to show: all of them, or those whose name contains the search text or
 * whose number contains its digits (a leading 0 dropped, so "0151 234" finds +49151234…).
 */
public record ContactQuery(long listId, String search) {

    public ContactQuery {
        search = search == null ? "" : search.strip();
    }

    public static ContactQuery all(long listId) {
        return new ContactQuery(listId, "");
    }

    public boolean isSearch() {
        return !search.isEmpty();
    }

    /** The SQL condition on {@code c} (a contact) that this query adds; binds {@link #namePattern()} and {@link #numberPattern()}. */
    String condition() {
        if (!isSearch()) {
            return "";
        }
        return digits().isEmpty()
                ? " AND LOWER(c.name) LIKE :name"
                : " AND (LOWER(c.name) LIKE :name OR c.e164 LIKE :number)";
    }

    String namePattern() {
        return "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%";
    }

    String numberPattern() {
        return "%" + digits() + "%";
    }

    private String digits() {
        if (!search.matches("[\\d\\s+().\\-/]+")) {
            return "";
        }
        return search.replaceAll("\\D", "").replaceFirst("^0+", "");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
