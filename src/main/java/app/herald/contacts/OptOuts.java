package app.herald.contacts;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The global opt-out list. A number on it stays in its lists, marked, and is never part of a
 * send. Adding a number twice keeps the first reason and date.
 */
public final class OptOuts {

    private final Jdbi jdbi;

    public OptOuts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return true when the number was not opted out yet */
    public boolean add(String e164, String reason, String source) {
        return jdbi.withHandle(handle -> add(handle, e164, reason, source));
    }

    /** {@link #add(String, String, String)} inside a transaction the caller holds. */
    public static boolean add(Handle handle, String e164, String reason, String source) {
        return handle.createUpdate("""
                        MERGE INTO opt_out o USING (VALUES (CAST(:e164 AS VARCHAR(16)))) AS n(e164) ON o.e164 = n.e164
                        WHEN NOT MATCHED THEN INSERT (e164, reason, source) VALUES (:e164, :reason, :source)""")
                .bind("e164", e164).bind("reason", reason).bind("source", source)
                .execute() == 1;
    }

    /**
     * Opts out many numbers in one transaction: all of them, or none when the write fails.
     *
     * @return how many were not opted out yet
     */
    public int addAll(Collection<String> e164Numbers, String reason, String source) {
        return jdbi.inTransaction(handle -> {
            int added = 0;
            for (String e164 : e164Numbers) {
                added += add(handle, e164, reason, source) ? 1 : 0;
            }
            return added;
        });
    }

    /** @return true when the number was opted out */
    public boolean remove(String e164) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM opt_out WHERE e164 = :e164")
                .bind("e164", e164).execute()) == 1;
    }

    /**
     * Takes the number off the list when a reply (or Twilio's 21610) put it there: the person texted
     * START. One that staff added stays. @return true when it was removed
     */
    public static boolean removeReplied(Handle handle, String e164) {
        return handle.createUpdate("""
                        DELETE FROM opt_out WHERE e164 = :e164 AND (source LIKE 'replied %' OR source = 'Twilio: replied STOP')""")
                .bind("e164", e164).execute() == 1;
    }

    public List<OptOut> all() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT e164, reason, source, created_at FROM opt_out ORDER BY created_at DESC, e164")
                .map((rs, ctx) -> new OptOut(rs.getString("e164"), rs.getString("reason"), rs.getString("source"),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }
}
