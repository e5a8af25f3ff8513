package app.herald.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Every broadcast, newest first, with its batches: the history. */
public final class Broadcasts {

    private static final String SELECT = """
            SELECT id, body, list_names, state, mode, recipient_count, opted_out_count, duplicate_count, accepted_count, failed_count,
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

    /**
     * Recipients per day over the {@code days} days up to {@code today} (every day present, oldest
     * first), split by how their batches ended: ACCEPTED or MARKED_SENT, FAILED, UNCERTAIN.
     */
    public List<DailyOutcome> dailyOutcomes(LocalDate today, int days, ZoneId zone) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            sums.put(day, new long[3]);
        }
        List<EndedBatch> ended = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT sent_at, state, size FROM batch
                        WHERE sent_at >= :from AND state IN ('ACCEPTED', 'MARKED_SENT', 'FAILED', 'UNCERTAIN')""")
                .bind("from", first.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new EndedBatch(rs.getTimestamp("sent_at").toInstant(),
                        BatchState.valueOf(rs.getString("state")), rs.getLong("size")))
                .list());
        for (EndedBatch batch : ended) {
            long[] day = sums.get(batch.sentAt().atZone(zone).toLocalDate());
            if (day != null) {
                day[batch.state() == BatchState.FAILED ? 1 : batch.state() == BatchState.UNCERTAIN ? 2 : 0] += batch.size();
            }
        }
        return sums.entrySet().stream()
                .map(day -> new DailyOutcome(day.getKey(), day.getValue()[0], day.getValue()[1], day.getValue()[2]))
                .toList();
    }

    /** The newest broadcast with batches still PENDING and not cancelled: what "resume" means without an id. */
    public Optional<BroadcastSummary> latestResumable() {
        return all().stream()
                .filter(broadcast -> broadcast.state() != BroadcastState.CANCELLED && broadcast.pendingBatches() > 0)
                .findFirst();
    }

    private record EndedBatch(Instant sentAt, BatchState state, long size) {
    }

    private BroadcastSummary map(ResultSet rs, StatementContext context) throws SQLException {
        long id = rs.getLong("id");
        return new BroadcastSummary(id, rs.getString("body"), rs.getString("list_names"),
                BroadcastState.valueOf(rs.getString("state")),
                rs.getString("mode"), rs.getInt("recipient_count"), rs.getInt("opted_out_count"),
                rs.getInt("duplicate_count"), rs.getInt("accepted_count"), rs.getInt("failed_count"), rs.getInt("segments"),
                rs.getString("encoding"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), journal.batches(id));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
