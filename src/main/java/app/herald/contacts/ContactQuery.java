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

    SearchText text() {
        return new SearchText(search);
    }
}
