package app.herald.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this desktop when another one changed what people look at (lists, contacts, opt-outs,
 * templates, broadcasts), on a shared PostgreSQL server: a connection of its own listens on
 * herald_changes (V16's triggers notify at each commit), and every few seconds, notice or not,
 * compares a fingerprint of those tables with the last one, so a notice lost with a connection
 * still shows within a poll. A lost connection is tried again each poll, and said, never thrown.
 * On an H2 file there is one desktop, and {@link #none()} never tells anything.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** What changes when a person would see something new; cheap: the tables are small but for broadcast's few thousand rows. */
    private static final String FINGERPRINT = """
            SELECT (SELECT COALESCE(md5(string_agg(id || '.' || version || '.' || contacts_version || '.' || contact_count
                                                   || '.' || state || '.' || name, ',' ORDER BY id)), '') FROM recipient_list)
                   || (SELECT COUNT(*) || '.' || COALESCE(MAX(created_at)::text, '') FROM opt_out)
                   || (SELECT COUNT(*) || '.' || COALESCE(SUM(version), 0) || '.' || COALESCE(MAX(updated_at)::text, '')
                       FROM message_template)
                   || (SELECT COALESCE(md5(string_agg(id || '.' || state || '.' || accepted_count || '.' || failed_count
                                                      || '.' || uncertain_count || '.' || delivered_count, ',' ORDER BY id)), '')
                       FROM broadcast)""";

    private final SharedServer server;
    private final Duration poll;
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    private final List<Consumer<Optional<String>>> onConnection = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean closed;
    private volatile Optional<String> problem = Optional.empty();

    private ChangeFeed(SharedServer server, Duration poll) {
        this.server = server;
        this.poll = poll;
        this.listener = server == null ? null : new Thread(this::listen, "herald-changes");
    }

    /** A feed that never tells anything: this computer's own H2 file. */
    public static ChangeFeed none() {
        return new ChangeFeed(null, Duration.ZERO);
    }

    /** Listens to the shared server from now on; {@code poll} is how often it looks without a notice. */
    public static ChangeFeed listening(SharedServer server, Duration poll) {
        ChangeFeed feed = new ChangeFeed(Objects.requireNonNull(server), poll);
        feed.listener.setDaemon(true);
        feed.listener.start();
        return feed;
    }

    /** Runs on the feed's thread when another desktop changed something. */
    public void onChange(Runnable action) {
        onChange.add(Objects.requireNonNull(action));
    }

    /** Runs on the feed's thread when the server stops or starts answering: the problem in words, or empty once it answers again. */
    public void onConnection(Consumer<Optional<String>> action) {
        onConnection.add(Objects.requireNonNull(action));
    }

    /** The connection's problem now, in words; empty while the server answers. */
    public Optional<String> problem() {
        return problem;
    }

    private void listen() {
        String last = null;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN herald_changes");
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                connected(Optional.empty());
                while (!closed) {
                    String now = fingerprint(connection);
                    if (last != null && !last.equals(now)) {
                        onChange.forEach(Runnable::run);
                    }
                    last = now;
                    // wakes at the first notice, or after the poll: a notice that came meanwhile is read now
                    notices.getNotifications((int) poll.toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Lost the shared database {}: trying again in {} s", server.where(), poll.toSeconds(), e);
                connected(Optional.of("Herald cannot reach the shared database at " + server.where() + " ("
                        + DatabaseFile.firstLine(e.getMessage()) + "). It keeps trying; what you see may be out of date."));
                sleepOnePoll();
            }
        }
    }

    private void connected(Optional<String> now) {
        if (!now.equals(problem)) {
            problem = now;
            onConnection.forEach(action -> action.accept(now));
        }
    }

    private static String fingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(FINGERPRINT)) {
            result.next();
            return result.getString(1);
        }
    }

    private void sleepOnePoll() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
