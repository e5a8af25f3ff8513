package app.herald.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Work that one desktop does and no other may do at the same time (sending a broadcast, planning
 * it, importing into a list), held by a lease row in the database: taken when nobody holds it, or
 * when its holder's lease has run out (by the database's clock, so desktops whose clocks disagree
 * still agree), renewed while the work goes on, given back when it ends. On H2 the only holder is
 * this Herald (its data folder is locked), so a lease left by a process that died is taken back at once.
 */
public final class WorkLeases {

    /** Who holds a lease: this desktop and its data folder ({@code owner}), and the computer's name other desktops are shown. */
    public record Holder(String owner, String computer) {

        public Holder {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(computer);
        }
    }

    /** When a lease taken or renewed now runs out, by the database's clock, for {@code :seconds}; both engines take it. */
    static final String EXPIRY = "CURRENT_TIMESTAMP + CAST(:seconds AS INTEGER) * INTERVAL '1' SECOND";

    private WorkLeases() {
    }

    /** Who this Jdbi's leases are held by, and how long one lasts unless renewed. */
    public static void configure(Jdbi jdbi, Holder holder, Duration length) {
        Config config = jdbi.getConfig(Config.class);
        config.holder = Objects.requireNonNull(holder);
        config.length = Objects.requireNonNull(length);
    }

    static Holder holder(Jdbi jdbi) {
        return jdbi.getConfig(Config.class).holder;
    }

    static Duration length(Jdbi jdbi) {
        return jdbi.getConfig(Config.class).length;
    }

    /**
     * Takes the lease on {@code subject} for this desktop, and renews it until it is closed.
     *
     * @throws WorkTakenException when another desktop holds it and was heard from within its lease
     */
    public static Lease take(Jdbi jdbi, String subject) {
        Holder me = holder(jdbi);
        long seconds = length(jdbi).toSeconds();
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useTransaction(handle -> takeIn(handle, subject, me, seconds));
                return new Lease(jdbi, subject, me, length(jdbi));
            } catch (UnableToExecuteStatementException e) {
                // two desktops inserted the first lease row at once: the loser reads the winner's row the second time
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private static void takeIn(Handle handle, String subject, Holder me, long seconds) {
        var held = handle.createQuery("""
                        SELECT owner, computer, heard_at, CURRENT_TIMESTAMP AS now, expires_at, expires_at > CURRENT_TIMESTAMP AS alive
                        FROM work_lease WHERE subject = :subject FOR UPDATE""")
                .bind("subject", subject)
                .map((rs, ctx) -> new Held(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .findOne();
        if (held.isEmpty()) {
            handle.createUpdate("""
                            INSERT INTO work_lease (subject, owner, computer, taken_at, heard_at, expires_at)
                            VALUES (:subject, :owner, :computer, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, <expiry>)""")
                    .define("expiry", EXPIRY)
                    .bind("subject", subject).bind("owner", me.owner()).bind("computer", me.computer())
                    .bind("seconds", seconds).execute();
            return;
        }
        Held other = held.get();
        if (other.alive() && !other.owner().equals(me.owner())) {
            throw new WorkTakenException(other.computer(), Duration.between(other.heardAt(), other.now()),
                    Duration.between(other.now(), other.expiresAt()));
        }
        handle.createUpdate("""
                        UPDATE work_lease SET owner = :owner, computer = :computer, taken_at = CURRENT_TIMESTAMP,
                               heard_at = CURRENT_TIMESTAMP, expires_at = <expiry>
                        WHERE subject = :subject""")
                .define("expiry", EXPIRY)
                .bind("subject", subject).bind("owner", me.owner()).bind("computer", me.computer())
                .bind("seconds", seconds).execute();
    }

    /** Another desktop's live lease on {@code subject}, if one holds it: who, and since when it was heard from. */
    public static Optional<WorkTakenException> heldByAnother(Jdbi jdbi, String subject) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT computer, heard_at, CURRENT_TIMESTAMP AS now, expires_at FROM work_lease
                        WHERE subject = :subject AND owner <> :owner AND expires_at > CURRENT_TIMESTAMP""")
                .bind("subject", subject).bind("owner", owner(jdbi))
                .map((rs, ctx) -> {
                    Instant now = rs.getTimestamp(3).toInstant();
                    return new WorkTakenException(rs.getString(1), Duration.between(rs.getTimestamp(2).toInstant(), now),
                            Duration.between(now, rs.getTimestamp(4).toInstant()));
                })
                .findOne());
    }

    /** A condition for a query: no other desktop holds a live lease on the subject the SQL expression names. */
    public static String notHeldByAnother(String subjectExpression) {
        return "NOT EXISTS (SELECT 1 FROM work_lease held WHERE held.subject = " + subjectExpression
                + " AND held.owner <> :leaseOwner AND held.expires_at > CURRENT_TIMESTAMP)";
    }

    /** The owner a query with {@link #notHeldByAnother} binds as {@code :leaseOwner}. */
    public static String owner(Jdbi jdbi) {
        return holder(jdbi).owner();
    }

    private record Held(String owner, String computer, Instant heardAt, Instant now, Instant expiresAt, boolean alive) {
    }

    /** Kept in a Jdbi's configuration. Until Herald's core names this desktop, leases are held by this process. */
    public static final class Config implements JdbiConfig<Config> {

        private Holder holder = new Holder("process " + UUID.randomUUID(), "this computer");
        private Duration length = Duration.ofSeconds(60);

        public Config() {
        }

        private Config(Config other) {
            this.holder = other.holder;
            this.length = other.length;
        }

        @Override
        public Config createCopy() {
            return new Config(this);
        }
    }
}
