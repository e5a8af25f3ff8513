package app.herald.delivery;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The replies Herald has read from Twilio's log, by the broadcast they answer. */
public final class Replies {

    private final Jdbi jdbi;

    public Replies(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The broadcast's replies, newest first, with the name the broadcast had for each number. */
    public List<BroadcastReply> of(long broadcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT p.from_e164, p.name, p.body, p.received_at, p.effect
                        FROM reply p WHERE p.broadcast_id = :id ORDER BY p.received_at DESC, p.sid""")
                .bind("id", broadcastId)
                .map((rs, ctx) -> new BroadcastReply(rs.getString("from_e164"), rs.getString("name"), rs.getString("body"),
                        rs.getTimestamp("received_at").toInstant(), BroadcastReply.Effect.valueOf(rs.getString("effect"))))
                .list());
    }
}
