package app.herald.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Every broadcast, newest first, with its batches: the history. */
public final class Broadcasts {

    private static final String SELECT = """
            SELECT id, body, state, mode, recipient_count, opted_out_count, duplicate_count, accepted_count, failed_count,
                   segments, encoding, created_at, started_at, finished_at
            FROM broadcast""";

    private final Jdbi jdbi;
    private final Journal journal;

    public Broadcasts(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.journal = new Journal(jdbi);
    }

    public List<BroadcastSummary> all() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " ORDER BY created_at DESC, id DESC")
                .map(this::map).list());
    }

    public Optional<BroadcastSummary> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(this::map).findOne());
    }

    /** The newest broadcast with batches still PENDING and not cancelled: what "resume" means without an id. */
    public Optional<BroadcastSummary> latestResumable() {
        return all().stream()
                .filter(broadcast -> broadcast.state() != BroadcastState.CANCELLED && broadcast.pendingBatches() > 0)
                .findFirst();
    }

    private BroadcastSummary map(ResultSet rs, StatementContext context) throws SQLException {
        long id = rs.getLong("id");
        return new BroadcastSummary(id, rs.getString("body"), BroadcastState.valueOf(rs.getString("state")),
                rs.getString("mode"), rs.getInt("recipient_count"), rs.getInt("opted_out_count"),
                rs.getInt("duplicate_count"), rs.getInt("accepted_count"), rs.getInt("failed_count"), rs.getInt("segments"),
                rs.getString("encoding"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), journal.batches(id));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
