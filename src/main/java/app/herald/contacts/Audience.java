package app.herald.contacts;

import app.herald.storage.LargeReads;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Who a broadcast to some lists reaches: each number once, however many of the lists hold it, and
 * never one on the opt-out list.
 */
public final class Audience {

    private final Jdbi jdbi;

    public Audience(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The counts for these lists. One list is counted from the figure kept with it and its opt-outs
     * looked up in its (list_id, e164) index (a number is in a list once); several lists are read
     * contact by contact, which is slow on big lists: not on the UI thread.
     */
    public AudienceCount count(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return AudienceCount.NONE;
        }
        if (listIds.size() == 1) {
            return countOne(listIds.iterator().next());
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) AS contacts,
                               COUNT(DISTINCT c.e164) AS numbers,
                               COUNT(DISTINCT CASE WHEN o.e164 IS NOT NULL THEN c.e164 END) AS opted_out
                        FROM contact c LEFT JOIN opt_out o ON o.e164 = c.e164
                        WHERE c.list_id IN (<lists>)""")
                .bindList("lists", List.copyOf(listIds))
                .map((rs, ctx) -> new AudienceCount(rs.getLong("contacts"), rs.getLong("numbers"), rs.getLong("opted_out")))
                .one());
    }

    /** At a million contacts 1 ms, where reading them took 1 s (BENCHMARKS.md). */
    private AudienceCount countOne(long listId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT l.contact_count, " + RecipientLists.OPTED_OUT_OF_LIST + " FROM recipient_list l WHERE l.id = :list")
                .bind("list", listId)
                .map((rs, ctx) -> new AudienceCount(rs.getLong(1), rs.getLong(1), rs.getLong(2)))
                .findOne()
                .orElse(AudienceCount.NONE));
    }

    /** Gives each number the lists reach, once, never an opted-out one, in number order (slow on big lists). */
    public void forEachNumber(Collection<Long> listIds, Consumer<String> number) {
        if (listIds.isEmpty()) {
            return;
        }
        LargeReads.stream(jdbi, handle -> handle.createQuery("""
                        SELECT DISTINCT c.e164 FROM contact c
                        WHERE c.list_id IN (<lists>) AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = c.e164)""")
                .bindList("lists", List.copyOf(listIds))
                .mapTo(String.class)
                .useStream(numbers -> numbers.forEach(number)));
    }

    /**
     * Gives each number the lists reach, once, never an opted-out one, in number order, with what its
     * contact says of them (the first row read when two lists have the number). Slow on big lists.
     */
    public void forEachRecipient(Collection<Long> listIds, Consumer<Recipient> recipient) {
        if (listIds.isEmpty()) {
            return;
        }
        String[] last = {null};
        // one list is read in the order of its (list_id, e164) index, which H2 then need not sort: at a
        // million contacts 3.2 s instead of 7.5 s (BENCHMARKS.md); rows of several lists are sorted
        String lists = listIds.size() == 1 ? "c.list_id = <lists> ORDER BY c.list_id, c.e164"
                : "c.list_id IN (<lists>) ORDER BY c.e164";
        LargeReads.stream(jdbi, handle -> handle.createQuery("""
                        SELECT c.e164, c.name, c.first_name, c.last_name, c.extra FROM contact c
                        WHERE NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = c.e164) AND\s""" + lists)
                .bindList("lists", List.copyOf(listIds))
                .map((rs, ctx) -> new Recipient(rs.getString(1),
                        ContactFields.of(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .useStream(rows -> rows.forEach(row -> {
                    // the rows come in number order, so a number in two lists comes twice in a row
                    if (!row.e164().equals(last[0])) {
                        last[0] = row.e164();
                        recipient.accept(row);
                    }
                })));
    }

    /** A number the lists reach, and what a personal message can say of them. */
    public record Recipient(String e164, ContactFields fields) {
    }

    /** The fields a personal message to these lists can name: the built-in ones, and those their imports kept. */
    public Set<String> fields(Collection<Long> listIds) {
        Set<String> fields = new LinkedHashSet<>(ContactFields.BUILT_IN);
        if (!listIds.isEmpty()) {
            jdbi.useHandle(handle -> handle.createQuery("SELECT fields FROM recipient_list WHERE id IN (<lists>)")
                    .bindList("lists", List.copyOf(listIds)).mapTo(String.class)
                    .forEach(stored -> fields.addAll(ContactFields.parseFieldList(stored))));
        }
        return fields;
    }

    /**
     * {@code contacts} in the lists, of which {@code numbers} different numbers, of which
     * {@code optedOut} on the opt-out list.
     */
    public record AudienceCount(long contacts, long numbers, long optedOut) {

        public static final AudienceCount NONE = new AudienceCount(0, 0, 0);

        public AudienceCount {
            if (numbers > contacts || optedOut > numbers || optedOut < 0) {
                throw new IllegalArgumentException("impossible audience counts");
            }
        }

        /** The numbers a broadcast is sent to. */
        public long recipients() {
            return numbers - optedOut;
        }

        /** Contacts left out because another of the chosen lists (or the same one) has the number too. */
        public long duplicates() {
            return contacts - numbers;
        }
    }
}
