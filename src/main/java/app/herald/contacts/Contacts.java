package app.herald.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The contacts of a list, a page at a time, and the edits a person makes by hand. Pages are
 * keyset queries on the index {@code (list_id, id)}: the last page of a million contacts costs
 * what the first one does.
 */
public final class Contacts {

    private static final int MAX_NAME = 300;

    private static final String SELECT = """
            SELECT c.id, c.list_id, c.e164, c.name, c.first_name, c.last_name, c.extra, o.e164 IS NOT NULL AS opted_out,
                   c.version
            FROM contact c LEFT JOIN opt_out o ON o.e164 = c.e164""";
    private static final String IN_LIST = SELECT + " WHERE c.list_id = :list";

    private final Jdbi jdbi;
    private final SearchIndex searchIndex;

    public Contacts(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.searchIndex = new SearchIndex(jdbi);
    }

    public long count(long listId) {
        return count(ContactQuery.all(listId));
    }

    /** A whole list's count is kept with the list; a search counts what it finds. */
    public long count(ContactQuery query) {
        if (!query.isSearch()) {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT contact_count FROM recipient_list WHERE id = :list")
                    .bind("list", query.listId()).mapTo(Long.class).findOne().orElse(0L));
        }
        return found(query).length;
    }

    /** Makes the list's first search as quick as the next ones (slow on a long list: never on the FX thread). */
    public void prepareSearch(long listId) {
        searchIndex.prepare(listId);
    }

    /** The {@code size} contacts that follow the one with id {@code lastId}, in list order. */
    public List<Contact> after(ContactQuery query, long lastId, int size) {
        if (query.isSearch()) {
            long[] ids = found(query);
            int from = insertionPoint(ids, lastId + 1);
            return byId(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + size)));
        }
        return jdbi.withHandle(handle -> handle.createQuery(IN_LIST + " AND c.id > :id ORDER BY c.list_id, c.id LIMIT :size")
                .bind("list", query.listId()).bind("id", lastId).bind("size", size)
                .map(Contacts::map).list());
    }

    /** The {@code size} contacts before the one with id {@code firstId}, in list order. */
    public List<Contact> before(ContactQuery query, long firstId, int size) {
        if (query.isSearch()) {
            long[] ids = found(query);
            int to = insertionPoint(ids, firstId);
            return byId(Arrays.copyOfRange(ids, Math.max(0, to - size), to));
        }
        List<Contact> page = new ArrayList<>(jdbi.withHandle(handle -> handle.createQuery(
                        IN_LIST + " AND c.id < :id ORDER BY c.list_id DESC, c.id DESC LIMIT :size")
                .bind("list", query.listId()).bind("id", firstId).bind("size", size)
                .map(Contacts::map).list()));
        Collections.reverse(page);
        return page;
    }

    public List<Contact> last(ContactQuery query, int size) {
        return before(query, Long.MAX_VALUE, size);
    }

    /** @throws ContactException when the number is in the list already */
    public Contact add(long listId, String e164, String name) {
        return add(listId, e164, ContactFields.named(name));
    }

    /** @throws ContactException when the number is in the list already, or a field is too long */
    public Contact add(long listId, String e164, ContactFields fields) {
        ContactFields clean = checked(fields);
        return jdbi.inTransaction(handle -> {
            SearchIndex.changing(handle, listId);
            refuseTaken(handle, listId, e164, 0);
            long id = handle.createUpdate("""
                            INSERT INTO contact (list_id, e164, name, first_name, last_name, extra)
                            VALUES (:list, :e164, :name, :first, :last, :extra)""")
                    .bind("list", listId).bind("e164", e164).bind("name", clean.name()).bind("first", clean.firstName())
                    .bind("last", clean.lastName()).bind("extra", clean.extraJson())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            recount(handle, listId, 1);
            return find(handle, id);
        });
    }

    /**
     * The contact's number and every field, as the editor shows them, over the contact as the editor
     * read it: when someone else (another desktop) changed or deleted it meanwhile, nothing is written.
     *
     * @throws ContactException when it was changed or deleted meanwhile, another contact of the list
     *                          has that number, or a field is too long
     */
    public Contact update(Contact read, String e164, ContactFields fields) {
        ContactFields clean = checked(fields);
        long id = read.id();
        return jdbi.inTransaction(handle -> {
            long listId = handle.createQuery("SELECT list_id FROM contact WHERE id = :id").bind("id", id)
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new ContactException("This contact was deleted meanwhile."));
            SearchIndex.changing(handle, listId);
            SearchIndex.staleAt(handle, listId, id);
            refuseTaken(handle, listId, e164, id);
            int written = handle.createUpdate("""
                            UPDATE contact SET e164 = :e164, name = :name, first_name = :first, last_name = :last, extra = :extra,
                                   version = version + 1
                            WHERE id = :id AND version = :version""")
                    .bind("e164", e164).bind("name", clean.name()).bind("first", clean.firstName())
                    .bind("last", clean.lastName()).bind("extra", clean.extraJson()).bind("id", id)
                    .bind("version", read.version()).execute();
            if (written == 0) {
                throw new ContactException("Someone else changed " + PhoneNumbers.forPeople(read.e164())
                        + " since you opened it, so your change was not saved. Reload the list to see theirs, then edit it again.");
            }
            return find(handle, id);
        });
    }

    /** @return how many were deleted */
    public int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(handle -> {
            // each list's row is locked before any of its blocks, in one order for all (as a search does)
            Map<Long, List<Long>> perList = new TreeMap<>();
            handle.createQuery("SELECT list_id, id FROM contact WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(entry -> perList.computeIfAbsent(entry.getKey(), list -> new ArrayList<>()).add(entry.getValue()));
            perList.forEach((listId, gone) -> {
                SearchIndex.changing(handle, listId);
                gone.forEach(id -> SearchIndex.staleAt(handle, listId, id));
            });
            int deleted = handle.createUpdate("DELETE FROM contact WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids)).execute();
            perList.forEach((listId, gone) -> recount(handle, listId, -gone.size()));
            return deleted;
        });
    }

    /** Moves a list's kept count by {@code change}, in the transaction that changed its contacts. */
    private static void recount(Handle handle, long listId, int change) {
        handle.createUpdate("UPDATE recipient_list SET contact_count = contact_count + :change WHERE id = :list")
                .bind("change", change).bind("list", listId).execute();
    }

    private static void refuseTaken(Handle handle, long listId, String e164, long exceptId) {
        boolean taken = handle.createQuery("SELECT COUNT(*) FROM contact WHERE list_id = :list AND e164 = :e164 AND id <> :id")
                .bind("list", listId).bind("e164", e164).bind("id", exceptId)
                .mapTo(Long.class).one() > 0;
        if (taken) {
            throw new ContactException(e164 + " is already in this list.");
        }
    }

    /** The contact as it is now, if it still is. */
    public Optional<Contact> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.id = :id").bind("id", id)
                .map(Contacts::map).findOne());
    }

    private static Contact find(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE c.id = :id").bind("id", id)
                .map(Contacts::map).one();
    }

    private long[] found(ContactQuery query) {
        return searchIndex.matches(query.listId(), query.text());
    }

    /** Where {@code id} is in the ascending {@code ids}, or where it would go. */
    private static int insertionPoint(long[] ids, long id) {
        int at = Arrays.binarySearch(ids, id);
        return at >= 0 ? at : -at - 1;
    }

    /** The contacts of those ids (a page: at most a few hundred), in id order. */
    private List<Contact> byId(long[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.id IN (<ids>) ORDER BY c.id")
                .bindList("ids", Arrays.stream(ids).boxed().toList())
                .map(Contacts::map).list());
    }

    /** The fields as they are kept: control characters out, blanks as none, each within its column's length. */
    private static ContactFields checked(ContactFields fields) {
        String first = within(fields.firstName(), ContactFields.MAX_NAME_PART, "A first name");
        String last = within(fields.lastName(), ContactFields.MAX_NAME_PART, "A last name");
        String name = within(fields.name(), MAX_NAME, "A name");
        if (name == null && (first != null || last != null)) {
            // as an import names a contact that has only first and last names
            name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        Map<String, String> extra = new LinkedHashMap<>();
        fields.extra().forEach((field, value) -> {
            String kept = within(value, ContactFields.MAX_KEPT_VALUE, "{" + field + "}");
            if (kept != null) {
                extra.put(field, kept);
            }
        });
        return new ContactFields(name, first, last, extra);
    }

    private static String within(String text, int most, String what) {
        String clean = PlainText.clean(text);
        if (clean == null || clean.isBlank()) {
            return null;
        }
        if (clean.strip().length() > most) {
            throw new ContactException(what + " can have at most " + most + " characters.");
        }
        return clean.strip();
    }

    private static Contact map(ResultSet rs, StatementContext context) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("list_id"), rs.getString("e164"),
                ContactFields.of(rs.getString("name"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("extra")),
                rs.getBoolean("opted_out"), rs.getLong("version"));
    }
}
