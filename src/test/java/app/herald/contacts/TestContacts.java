package app.herald.contacts;

import app.herald.storage.Engine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Contacts for tests, made in one statement: number {@code n} is +1415 2000000+n and is called
 * "Person n", so ranges of lists can overlap on purpose.
 */
public final class TestContacts {

    private TestContacts() {
    }

    /** The list of that name (made when missing) with contacts 1 to {@code count}; @return its id */
    public static long list(Jdbi jdbi, String name, int count) {
        return list(jdbi, name, 1, count);
    }

    /** The list of that name (made when missing) with contacts {@code from} to {@code from + count - 1}; @return its id */
    public static long list(Jdbi jdbi, String name, int from, int count) {
        long id = new RecipientLists(jdbi).findOrCreate(name).id();
        add(jdbi, id, from, count);
        return id;
    }

    public static void add(Jdbi jdbi, long listId, int from, int count) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO contact (list_id, e164, name)
                            SELECT :list, '+1415' || (2000000 + x), 'Person ' || x FROM <range>""")
                    .define("range", range(jdbi))
                    .bind("list", listId).bind("from", from).bind("to", from + count - 1).execute();
            keepCount(handle, listId);
        });
    }

    /** The numbers :from to :to as rows of a column x, in each engine's words. */
    public static String range(Jdbi jdbi) {
        return Engine.of(jdbi) == Engine.H2 ? "SYSTEM_RANGE(:from, :to) AS r(x)" : "generate_series(:from, :to) AS r(x)";
    }

    /** What Herald's own writers keep: the list's count and the version its search goes by, after rows were written behind their back. */
    public static void keepCount(Handle handle, long listId) {
        handle.createUpdate("""
                        UPDATE recipient_list SET contact_count = (SELECT COUNT(*) FROM contact WHERE list_id = :list),
                               contacts_version = contacts_version + 1
                        WHERE id = :list""")
                .bind("list", listId).execute();
    }
}
