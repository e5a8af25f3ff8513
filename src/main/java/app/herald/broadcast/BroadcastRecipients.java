package app.herald.broadcast;

import app.herald.contacts.SearchText;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Who a broadcast went to, a page at a time in number order: each recipient with how their message
 * stands. A page is a keyset query on the snapshot's key (batch, number: the planner fills the
 * batches in number order), so the millionth recipient costs what the first does.
 */
public final class BroadcastRecipients {

    private final Jdbi jdbi;

    public BroadcastRecipients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param after  the last recipient of the page before, or null for the first page
     * @param search only the numbers holding these digits or the names holding this text ({@link SearchText}); blank for all
     */
    public List<RecipientOutcome> page(long broadcastId, RecipientOutcome after, String search, int limit) {
        return page(broadcastId, after, search, RecipientFilter.ALL, limit);
    }

    /** {@link #page(long, RecipientOutcome, String, int)} of only the recipients the filter lets through. */
    public List<RecipientOutcome> page(long broadcastId, RecipientOutcome after, String search, RecipientFilter filter, int limit) {
        SearchText text = new SearchText(search);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT r.e164, r.name, r.batch_no, COALESCE(r.state, t.state) AS state, COALESCE(r.sid, t.notification_sid) AS sid,
                               r.status, r.status_matched, COALESCE(r.error_code, t.error_code) AS error_code,
                               COALESCE(r.error_message, t.error_message) AS error_message
                        FROM broadcast_recipient r
                        LEFT JOIN batch t ON t.broadcast_id = r.broadcast_id AND t.batch_no = r.batch_no
                        WHERE r.broadcast_id = :id AND r.batch_no >= :afterBatch
                          AND (r.batch_no > :afterBatch OR r.e164 > :after)
                          AND (:all OR :number AND r.e164 LIKE :numberPattern OR LOWER(r.name) LIKE :namePattern)
                          AND <filter>
                        ORDER BY r.broadcast_id, r.batch_no, r.e164 LIMIT :limit""")
                .define("filter", filter.condition())
                .bind("id", broadcastId).bind("afterBatch", after == null ? -1 : after.batch())
                .bind("after", after == null ? "" : after.e164()).bind("all", text.isEmpty()).bind("number", text.looksLikeANumber())
                .bind("numberPattern", text.numberPattern()).bind("namePattern", text.namePattern())
                .bind("limit", limit)
                .map((rs, ctx) -> new RecipientOutcome(rs.getString("e164"), rs.getString("name"), rs.getInt("batch_no"),
                        rs.getString("state") == null ? null : SendState.valueOf(rs.getString("state")), rs.getString("sid"),
                        rs.getString("status"), (Integer) rs.getObject("error_code"), rs.getString("error_message"),
                        rs.getBoolean("status_matched")))
                .list());
    }
}
