package app.herald.delivery;

import app.herald.contacts.RecipientList;
import app.herald.contacts.RecipientLists;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The recipients of a broadcast whose message did not arrive (undelivered or failed), never those
 * who opted out since: saved as a list of their own, which "send again to those who did not get
 * it" then sends to through the usual confirmation. The list is filled hidden and published in one
 * commit, as an import is: all of them or nothing.
 */
public final class NotReached {

    private final Jdbi jdbi;
    private final RecipientLists lists;

    public NotReached(Jdbi jdbi, RecipientLists lists) {
        this.jdbi = jdbi;
        this.lists = lists;
    }

    /** How many of the broadcast's recipients did not get it and may be sent to again. */
    public long count(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM broadcast_recipient r
                        WHERE r.broadcast_id = :id AND r.status IN ('undelivered', 'failed')
                          AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = r.e164)""")
                .bind("id", broadcastId).mapTo(Long.class).one());
    }

    /** A name for their list that no list has yet: "Not reached by broadcast 12", then "… (2)". */
    public String freeName(long broadcastId) {
        String name = "Not reached by broadcast " + broadcastId;
        for (int n = 2; lists.find(name).isPresent(); n++) {
            name = "Not reached by broadcast " + broadcastId + " (" + n + ")";
        }
        return name;
    }

    /** Saves them as a new list of this name. @throws IllegalArgumentException when everyone got it */
    public RecipientList saveAsList(long broadcastId, String name) {
        if (count(broadcastId) == 0) {
            throw new IllegalArgumentException("Everyone who can be sent to got this broadcast: there is nobody to save.");
        }
        long hidden = lists.createHidden(name, List.of());
        try {
            jdbi.useTransaction(handle -> handle.createUpdate("""
                            INSERT INTO contact (list_id, e164, name)
                            SELECT :list, r.e164, r.name FROM broadcast_recipient r
                            WHERE r.broadcast_id = :id AND r.status IN ('undelivered', 'failed')
                              AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.e164 = r.e164)""")
                    .bind("list", hidden).bind("id", broadcastId).execute());
            lists.publish(hidden, name, null);
        } catch (RuntimeException e) {
            lists.purge(hidden);
            throw e;
        }
        return lists.find(name).orElseThrow();
    }
}
