package app.herald.broadcast;

import app.herald.settings.ChannelKind;
import app.herald.settings.Mode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Every broadcast, newest first, with its batches (Notify's; a Messaging broadcast has none): the history. Each read is one query, however many broadcasts. */
public final class Broadcasts {

    /** A broadcast's row beside each of its batches (or one row of nulls when it has none). */
    private static final String SELECT = """
            SELECT b.id, b.body, b.list_names, b.state, b.mode, b.channel, b.recipient_count, b.opted_out_count,
                   b.duplicate_count, b.accepted_count, b.failed_count, b.uncertain_count, b.marked_sent_count, b.segments, b.encoding, b.created_at, b.started_at, b.finished_at,
                   b.sent_count, b.delivered_count, b.undelivered_count, b.delivery_failed_count, b.statuses_checked_at,
                   b.statuses_settled_at, b.send_at, b.send_zone,
                   t.batch_no, t.size, t.state AS batch_state, t.notification_sid, t.error_code, t.error_message,
                   t.attempts, t.sent_at
            FROM broadcast b LEFT JOIN batch t ON t.broadcast_id = b.id
            WHERE b.state <> 'PLANNING'""";
    private static final String NEWEST_FIRST = " ORDER BY b.created_at DESC, b.id DESC, t.batch_no";

    private final Jdbi jdbi;

    public Broadcasts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<BroadcastSummary> all() {
        return read(SELECT + NEWEST_FIRST, Map.of());
    }

    public Optional<BroadcastSummary> find(long id) {
        return read(SELECT + " AND b.id = :id" + NEWEST_FIRST, Map.of("id", id)).stream().findFirst();
    }

    /**
     * Whether any broadcast has batches left to send (and was not cancelled), or batches nobody
     * knows went out: {@link BroadcastSummary#needsAPerson()}, asked of the database at start-up.
     */
    public boolean anyNeedsAPerson() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM batch t JOIN broadcast b ON b.id = t.broadcast_id
                                       WHERE t.state = 'UNCERTAIN'
                                          OR t.state = 'PENDING' AND b.state NOT IN ('CANCELLED', 'PLANNING'))
                            OR EXISTS (SELECT 1 FROM broadcast b WHERE b.channel = 'MESSAGES' AND (b.uncertain_count > 0
                                          OR b.state NOT IN ('CANCELLED', 'PLANNING') AND b.recipient_count
                                             > b.accepted_count + b.failed_count + b.uncertain_count + b.marked_sent_count))""")
                .mapTo(Boolean.class).one());
    }

    /**
     * Recipients per day over the {@code days} days up to {@code today} (every day present, oldest
     * first), split by how their batches ended: ACCEPTED or MARKED_SENT, FAILED, UNCERTAIN. A
     * Messaging broadcast's messages count on the day it began, from the counts its journal keeps,
     * and so do every broadcast's delivered and not reached, from the counts Twilio's log gave.
     */
    public List<DailyOutcome> dailyOutcomes(LocalDate today, int days, ZoneId zone) {
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            sums.put(day, new long[5]);
        }
        List<EndedBatch> ended = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT sent_at, state, size FROM batch
                        WHERE sent_at >= :from AND state IN ('ACCEPTED', 'MARKED_SENT', 'FAILED', 'UNCERTAIN')""")
                .bind("from", first.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new EndedBatch(rs.getTimestamp("sent_at").toInstant(),
                        SendState.valueOf(rs.getString("state")), rs.getLong("size")))
                .list());
        for (EndedBatch batch : ended) {
            long[] day = sums.get(batch.sentAt().atZone(zone).toLocalDate());
            if (day != null) {
                day[batch.state() == SendState.FAILED ? 1 : batch.state() == SendState.UNCERTAIN ? 2 : 0] += batch.size();
            }
        }
        List<StartedMessages> started = jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT started_at, channel, accepted_count + marked_sent_count, failed_count, uncertain_count,
                               delivered_count, undelivered_count + delivery_failed_count
                        FROM broadcast WHERE started_at >= :from""")
                .bind("from", first.atStartOfDay(zone).toOffsetDateTime())
                .map((rs, ctx) -> new StartedMessages(rs.getTimestamp(1).toInstant(),
                        ChannelKind.valueOf(rs.getString(2)) == ChannelKind.MESSAGES, rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list());
        for (StartedMessages broadcast : started) {
            long[] day = sums.get(broadcast.startedAt().atZone(zone).toLocalDate());
            if (day == null) {
                continue;
            }
            if (broadcast.messaging()) {
                day[0] += broadcast.sent();
                day[1] += broadcast.failed();
                day[2] += broadcast.uncertain();
            }
            day[3] += broadcast.delivered();
            day[4] += broadcast.notReached();
        }
        return sums.entrySet().stream()
                .map(day -> new DailyOutcome(day.getKey(), day.getValue()[0], day.getValue()[1], day.getValue()[2],
                        day.getValue()[3], day.getValue()[4]))
                .toList();
    }

    /** The newest broadcast with batches or messages still PENDING and not cancelled: what "resume" means without an id. */
    public Optional<BroadcastSummary> latestResumable() {
        return all().stream()
                .filter(broadcast -> broadcast.state() != BroadcastState.CANCELLED && broadcast.pendingRequests() > 0)
                .findFirst();
    }

    /** The newest broadcast given a time that has not come, and not taken back: what "cancel" means without an id. */
    public Optional<BroadcastSummary> latestScheduled() {
        Instant now = Instant.now();
        return all().stream().filter(broadcast -> broadcast.waitsForItsTime(now)).findFirst();
    }

    private record EndedBatch(Instant sentAt, SendState state, long size) {
    }

    /**
     * A broadcast's counts, on the day it began: through a Messaging Service, accepted or marked sent,
     * refused, uncertain (Notify's come from its batches); for both, delivered and not reached.
     */
    private record StartedMessages(Instant startedAt, boolean messaging, long sent, long failed, long uncertain, long delivered,
            long notReached) {
    }

    private List<BroadcastSummary> read(String sql, Map<String, Object> parameters) {
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(sql).bindMap(parameters).map(Broadcasts::row).list());
        Map<Long, BroadcastSummary> broadcasts = new LinkedHashMap<>();
        Map<Long, List<Batch>> batches = new LinkedHashMap<>();
        for (Row row : rows) {
            broadcasts.putIfAbsent(row.broadcast().id(), row.broadcast());
            List<Batch> its = batches.computeIfAbsent(row.broadcast().id(), id -> new ArrayList<>());
            if (row.batch() != null) {
                its.add(row.batch());
            }
        }
        return broadcasts.values().stream().map(broadcast -> broadcast.withBatches(batches.get(broadcast.id()))).toList();
    }

    /** One row of the join: the broadcast (its batches not gathered yet) and one of its batches, or null. */
    private record Row(BroadcastSummary broadcast, Batch batch) {
    }

    private static Row row(ResultSet rs, StatementContext context) throws SQLException {
        long id = rs.getLong("id");
        BroadcastSummary broadcast = new BroadcastSummary(id, rs.getString("body"), rs.getString("list_names"),
                BroadcastState.valueOf(rs.getString("state")), Mode.valueOf(rs.getString("mode")),
                ChannelKind.valueOf(rs.getString("channel")), rs.getInt("recipient_count"), rs.getInt("opted_out_count"),
                rs.getInt("duplicate_count"), rs.getInt("accepted_count"), rs.getInt("failed_count"),
                rs.getInt("uncertain_count"), rs.getInt("marked_sent_count"), rs.getInt("segments"), rs.getString("encoding"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                new Deliveries(rs.getInt("sent_count"), rs.getInt("delivered_count"), rs.getInt("undelivered_count"),
                        rs.getInt("delivery_failed_count"), instant(rs.getTimestamp("statuses_checked_at")),
                        rs.getTimestamp("statuses_settled_at") != null),
                schedule(rs), List.of());
        String batchState = rs.getString("batch_state");
        Batch batch = batchState == null ? null : new Batch(id, rs.getInt("batch_no"), rs.getInt("size"),
                SendState.valueOf(batchState), rs.getString("notification_sid"), (Integer) rs.getObject("error_code"),
                rs.getString("error_message"), rs.getInt("attempts"), instant(rs.getTimestamp("sent_at")));
        return new Row(broadcast, batch);
    }

    private static Schedule schedule(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("send_at");
        return at == null ? null : new Schedule(at.toInstant(), ZoneId.of(rs.getString("send_zone")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
