package app.herald.contacts;

import app.herald.storage.BulkWrites;
import app.herald.storage.WorkLeases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipient lists: create, find, rename, delete, each with its counts. Only VISIBLE lists are
 * lists to a person; an import fills a hidden one and publishes it in one small commit, and a
 * deleted list is hidden at once and emptied in bounded transactions (see V5__staged_writes.sql).
 */
public final class RecipientLists {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientLists.class);
    private static final int MAX_NAME = 200;
    /**
     * How many of list {@code l}'s numbers are opted out. Opt-outs are few and lists are long: each
     * opt-out is looked up in the list's unique (list_id, e164) index.
     */
    static final String OPTED_OUT_OF_LIST = """
            (SELECT COUNT(*) FROM opt_out o WHERE EXISTS (SELECT 1 FROM contact c WHERE c.list_id = l.id AND c.e164 = o.e164))""";
    private static final String SELECT_WITH_COUNTS = """
            SELECT l.id, l.name, l.created_at, l.contact_count AS contacts, l.fields, l.version,
                   """ + OPTED_OUT_OF_LIST + """
             AS opted_out
            FROM recipient_list l
            WHERE l.state = 'VISIBLE'
            """;

    private final Jdbi jdbi;

    public RecipientLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<RecipientList> all() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_WITH_COUNTS + " ORDER BY LOWER(l.name), l.name")
                .map(RecipientLists::map)
                .list());
    }

    public Optional<RecipientList> find(String name) {
        return jdbi.withHandle(handle -> find(handle, name));
    }

    private static Optional<RecipientList> find(Handle handle, String name) {
        return handle.createQuery(SELECT_WITH_COUNTS + " AND LOWER(l.name) = LOWER(:name)")
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
        String clean = checked(name);
        return jdbi.inTransaction(handle -> find(handle, clean).orElseGet(() -> {
            handle.createUpdate("INSERT INTO recipient_list (name) VALUES (:name)").bind("name", clean).execute();
            return find(handle, clean).orElseThrow();
        }));
    }

    /**
     * A list nobody sees, for an import to fill in bounded transactions. @return its id
     *
     * @param name the name it will be published under, checked now so a bad one fails before any row is written
     */
    public long createHidden(String name, Collection<String> fields) {
        checked(name);
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "INSERT INTO recipient_list (name, state, fields) VALUES (:name, 'IMPORTING', :fields)")
                .bind("name", "~importing~" + UUID.randomUUID()).bind("fields", ContactFields.fieldList(fields))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /**
     * Makes a hidden list the list of that name in one small commit, in place of the one of that
     * name it was filled from (which is hidden then, and emptied after).
     *
     * @param replaced the visible list whose contacts were copied into the hidden one, or null for a new list
     * @throws ListNameException when the name was taken (or the list replaced changed) meanwhile
     */
    public void publish(long hidden, String name, Long replaced) {
        String clean = checked(name);
        jdbi.useTransaction(handle -> {
            Optional<RecipientList> now = find(handle, clean);
            if (replaced == null ? now.isPresent() : now.map(list -> list.id() != replaced).orElse(true)) {
                throw new ListNameException("The list \"" + clean + "\" was made, renamed or deleted while the file was"
                        + " imported, so nothing was imported. Import it again.");
            }
            // the list keeps the name and the date it had ("Parents", even when the import said "parents")
            String published = now.map(RecipientList::name).orElse(clean);
            if (replaced != null) {
                hide(handle, replaced);
            }
            // counted once here, as it goes public: what the import wrote is all it holds
            handle.createUpdate("""
                            UPDATE recipient_list SET state = 'VISIBLE', name = :name, updated_at = CURRENT_TIMESTAMP,
                                   created_at = COALESCE((SELECT created_at FROM recipient_list WHERE id = :replaced), created_at),
                                   contact_count = (SELECT COUNT(*) FROM contact WHERE list_id = :id)
                            WHERE id = :id AND state = 'IMPORTING'""")
                    .bind("name", published).bind("id", hidden).bind("replaced", replaced).execute();
        });
        if (replaced != null) {
            purge(replaced);
        }
    }

    private static void hide(Handle handle, long id) {
        handle.createUpdate("UPDATE recipient_list SET state = 'RETIRED', name = :name WHERE id = :id")
                .bind("name", "~retired~" + UUID.randomUUID()).bind("id", id).execute();
    }

    /**
     * Renames the list as the person read it: when someone else (another desktop) renamed or deleted
     * it meanwhile, nothing is written.
     *
     * @throws ListNameException when the name is taken, or the list changed meanwhile
     */
    public void rename(RecipientList read, String newName) {
        String clean = checked(newName);
        int renamed;
        try {
            renamed = jdbi.withHandle(handle -> handle.createUpdate("""
                            UPDATE recipient_list SET name = :name, updated_at = CURRENT_TIMESTAMP, version = version + 1
                            WHERE id = :id AND version = :version AND state = 'VISIBLE'""")
                    .bind("name", clean).bind("id", read.id()).bind("version", read.version()).execute());
        } catch (UnableToExecuteStatementException e) {
            throw taken(clean);
        }
        if (renamed == 0) {
            throw new ListNameException("Someone else renamed or deleted the list \"" + read.name() + "\" since you"
                    + " opened it, so your name was not saved. Look at the lists again, then rename it.");
        }
    }

    /**
     * Deletes the list and its contacts (not the opt-outs, which are global): it is gone for a
     * person at once, in one small commit; its contacts go in bounded transactions after.
     */
    public void delete(long id) {
        jdbi.useHandle(handle -> hide(handle, id));
        purge(id);
    }

    /**
     * Empties a hidden list in bounded transactions, then removes it: an import that failed or was
     * cancelled, a list deleted or replaced. Rows nobody could see go, whatever a crash interrupts.
     */
    public void purge(long id) {
        SearchIndex.purge(jdbi, id);
        BulkWrites.deleteAll(jdbi, "contact", "list_id", id);
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM recipient_list WHERE id = :id AND state <> 'VISIBLE'")
                .bind("id", id).execute());
    }

    /** The work lease an import into the hidden list {@code id} holds ("list:5"). */
    public static String leaseSubject(long id) {
        return "list:" + id;
    }

    /**
     * At start-up: removes every list a crash left half-imported or half-deleted, but not one another
     * desktop is importing into now (its lease lives). @return how many
     */
    public int purgeHidden() {
        List<Long> hidden = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM recipient_list l WHERE state <> 'VISIBLE' AND "
                        + WorkLeases.notHeldByAnother("'list:' || CAST(l.id AS VARCHAR(20))"))
                .bind("leaseOwner", WorkLeases.owner(jdbi)).mapTo(Long.class).list());
        for (long id : hidden) {
            LOG.warn("Removing list {}: Herald stopped while it was being imported or deleted", id);
            purge(id);
        }
        return hidden.size();
    }

    private static RecipientList map(ResultSet rs, StatementContext context) throws SQLException {
        return new RecipientList(rs.getLong("id"), rs.getString("name"), rs.getLong("contacts"),
                rs.getLong("opted_out"), rs.getTimestamp("created_at").toInstant(),
                ContactFields.parseFieldList(rs.getString("fields")), rs.getLong("version"));
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
