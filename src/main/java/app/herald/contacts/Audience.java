package app.herald.contacts;

import java.util.Collection;
import java.util.List;
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

    /** The counts for these lists; reads every contact of them, so it is slow on big lists: not on the UI thread. */
    public AudienceCount count(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return AudienceCount.NONE;
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

    /** Gives each number the lists reach, once, never an opted-out one, in number order (slow on big lists). */
    public void forEachNumber(Collection<Long> listIds, Consumer<String> number) {
        if (listIds.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT DISTINCT c.e164 FROM contact c
                        WHERE c.list_id IN (<lists>) AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = c.e164)""")
                .bindList("lists", List.copyOf(listIds))
                .mapTo(String.class)
                .useStream(numbers -> numbers.forEach(number)));
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
