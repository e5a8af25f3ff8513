package app.herald.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The recipient lists: create, find, rename, delete, each with its counts. */
public final class RecipientLists {

    private static final int MAX_NAME = 200;
    /** Opt-outs are few and lists are long: each opt-out is looked up in the list's unique (list_id, e164) index. */
    private static final String SELECT_WITH_COUNTS = """
            SELECT l.id, l.name, l.created_at,
                   (SELECT COUNT(*) FROM contact c WHERE c.list_id = l.id) AS contacts,
                   (SELECT COUNT(*) FROM opt_out o
                    WHERE EXISTS (SELECT 1 FROM contact c WHERE c.list_id = l.id AND c.e164 = o.e164)) AS opted_out
            FROM recipient_list l
            """;

    private final Jdbi jdbi;

    public RecipientLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<RecipientList> all() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_WITH_COUNTS + " ORDER BY l.name")
                .map(RecipientLists::map)
                .list());
    }

    public Optional<RecipientList> find(String name) {
        return jdbi.withHandle(handle -> find(handle, name));
    }

    private static Optional<RecipientList> find(Handle handle, String name) {
        return handle.createQuery(SELECT_WITH_COUNTS + " WHERE l.name = :name")
                .bind("name", name.strip())
                .map(RecipientLists::map)
                .findOne();
    }

    public RecipientList create(String name) {
        String clean = checked(name);
        return jdbi.inTransaction(handle -> {
            if (find(handle, clean).isPresent()) {
                throw taken(clean);
            }
            handle.createUpdate("INSERT INTO recipient_list (name) VALUES (:name)").bind("name", clean).execute();
            return find(handle, clean).orElseThrow();
        });
    }

    /** The list of that name, made empty when there is none yet. */
    public RecipientList findOrCreate(String name) {
        return jdbi.inTransaction(handle -> findOrCreate(handle, name));
    }

    /**
     * {@link #findOrCreate(String)} inside a transaction the caller holds: an import makes its new
     * list in its own transaction, so a failed import leaves no empty list behind.
     */
    public static RecipientList findOrCreate(Handle handle, String name) {
        String clean = checked(name);
        return find(handle, clean).orElseGet(() -> {
            handle.createUpdate("INSERT INTO recipient_list (name) VALUES (:name)").bind("name", clean).execute();
            return find(handle, clean).orElseThrow();
        });
    }

    public void rename(long id, String newName) {
        String clean = checked(newName);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "UPDATE recipient_list SET name = :name, updated_at = CURRENT_TIMESTAMP WHERE id = :id")
                    .bind("name", clean).bind("id", id).execute());
        } catch (UnableToExecuteStatementException e) {
            throw taken(clean);
        }
    }

    /** Deletes the list and its contacts (not the opt-outs, which are global). */
    public void delete(long id) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM contact WHERE list_id = :id").bind("id", id).execute();
            handle.createUpdate("DELETE FROM recipient_list WHERE id = :id").bind("id", id).execute();
        });
    }

    private static RecipientList map(ResultSet rs, StatementContext context) throws SQLException {
        return new RecipientList(rs.getLong("id"), rs.getString("name"), rs.getLong("contacts"),
                rs.getLong("opted_out"), rs.getTimestamp("created_at").toInstant());
    }

    private static String checked(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ListNameException("A list needs a name.");
        }
        if (clean.length() > MAX_NAME) {
            throw new ListNameException("A list name can have at most " + MAX_NAME + " characters.");
        }
        return clean;
    }

    private static ListNameException taken(String name) {
        return new ListNameException("There is already a list called \"" + name + "\". Choose another name.");
    }
}
