package app.herald.storage;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this desktop holds ({@link WorkLeases#take}): renewed four times a lease while it is open,
 * given back when closed. A write that must not happen once another desktop may have taken the work
 * over calls {@link #require} in its transaction first.
 */
public final class Lease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-lease");
        thread.setDaemon(true);
        return thread;
    });

    private final Jdbi jdbi;
    private final String subject;
    private final WorkLeases.Holder holder;
    private final Duration length;
    private final ScheduledFuture<?> renewal;
    private volatile boolean handedOver;

    Lease(Jdbi jdbi, String subject, WorkLeases.Holder holder, Duration length) {
        this.jdbi = jdbi;
        this.subject = subject;
        this.holder = holder;
        this.length = length;
        long every = Math.max(250, length.toMillis() / 4);
        this.renewal = RENEWALS.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * In the caller's transaction: this desktop still holds the lease, and the row stays locked to
     * the commit, so nobody can take it over between this check and the write.
     *
     * @throws LeaseLostException when the lease ran out and may have been taken over
     */
    public void require(Handle handle) {
        boolean held = handle.createQuery("""
                        SELECT 1 FROM work_lease WHERE subject = :subject AND owner = :owner
                        AND expires_at > CURRENT_TIMESTAMP FOR UPDATE""")
                .bind("subject", subject).bind("owner", holder.owner())
                .mapTo(Integer.class).findOne().isPresent();
        if (!held) {
            throw new LeaseLostException(subject);
        }
    }

    private void renew() {
        try {
            int renewed = jdbi.withHandle(handle -> handle.createUpdate("""
                            UPDATE work_lease SET heard_at = CURRENT_TIMESTAMP,
                                   expires_at = <expiry>
                            WHERE subject = :subject AND owner = :owner AND expires_at > CURRENT_TIMESTAMP""")
                    .define("expiry", WorkLeases.EXPIRY)
                    .bind("seconds", length.toSeconds()).bind("subject", subject).bind("owner", holder.owner())
                    .execute());
            if (renewed == 0) {
                LOG.warn("The lease on {} ran out before it was renewed: the work stops at its next write", subject);
                renewal.cancel(false);
            }
        } catch (RuntimeException e) {
            // the database cannot be reached now: the next renewal tries again, the lease runs out if none can
            LOG.warn("Could not renew the lease on {}", subject, e);
        }
    }

    /** Renews it no more, as if this desktop had stopped answering: it runs out by itself (tests; a lost network). */
    void stopRenewing() {
        renewal.cancel(false);
    }

    /**
     * Keeps the lease for the next step of this desktop's work instead of giving it back: renewed no
     * more, it stays live for what is left of its length. That step takes it again at once (the same
     * holder), and another desktop may take it only once it runs out, should this one die first.
     * {@link #close} then gives nothing back.
     */
    public void handOver() {
        handedOver = true;
        renewal.cancel(false);
    }

    /** Gives the lease back, so another desktop may take the work at once (unless it was {@linkplain #handOver handed over}). */
    @Override
    public void close() {
        renewal.cancel(false);
        if (handedOver) {
            return;
        }
        try {
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM work_lease WHERE subject = :subject AND owner = :owner")
                    .bind("subject", subject).bind("owner", holder.owner()).execute());
        } catch (RuntimeException e) {
            LOG.warn("Could not give back the lease on {}; it runs out by itself", subject, e);
        }
    }
}
