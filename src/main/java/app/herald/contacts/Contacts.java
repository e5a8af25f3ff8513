package app.herald.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The contacts of a list, a page at a time. Pages are keyset queries on the index
 * {@code (list_id, id)}: the last page of a million contacts costs what the first one does.
 */
public final class Contacts {

    private static final String SELECT = """
            SELECT c.id, c.list_id, c.e164, c.name, o.e164 IS NOT NULL AS opted_out
            FROM contact c LEFT JOIN opt_out o ON o.e164 = c.e164
            WHERE c.list_id = :list
            """;

    private final Jdbi jdbi;

    public Contacts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long count(long listId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM contact WHERE list_id = :list")
                .bind("list", listId).mapTo(Long.class).one());
    }

    /** The {@code size} contacts that follow the one with id {@code lastId}, in list order. */
    public List<Contact> after(long listId, long lastId, int size) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " AND c.id > :id ORDER BY c.list_id, c.id LIMIT :size")
                .bind("list", listId).bind("id", lastId).bind("size", size)
                .map(Contacts::map).list());
    }

    /** The {@code size} contacts before the one with id {@code firstId}, in list order. */
    public List<Contact> before(long listId, long firstId, int size) {
        List<Contact> page = new ArrayList<>(jdbi.withHandle(handle -> handle.createQuery(
                        SELECT + " AND c.id < :id ORDER BY c.list_id DESC, c.id DESC LIMIT :size")
                .bind("list", listId).bind("id", firstId).bind("size", size)
                .map(Contacts::map).list()));
        Collections.reverse(page);
        return page;
    }

    public List<Contact> last(long listId, int size) {
        return before(listId, Long.MAX_VALUE, size);
    }

    private static Contact map(ResultSet rs, StatementContext context) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("list_id"), rs.getString("e164"), rs.getString("name"),
                rs.getBoolean("opted_out"));
    }
}
