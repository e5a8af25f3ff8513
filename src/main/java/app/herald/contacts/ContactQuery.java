package app.herald.contacts;

/**
 * Which contacts of a list to show: all of them, or those whose name contains the search text or
 * whose number contains its digits ({@link SearchText}).
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
        return text().looksLikeANumber()
                ? " AND (LOWER(c.name) LIKE :name OR c.e164 LIKE :number)"
                : " AND LOWER(c.name) LIKE :name";
    }

    String namePattern() {
        return text().namePattern();
    }

    String numberPattern() {
        return text().numberPattern();
    }

    private SearchText text() {
        return new SearchText(search);
    }
}
