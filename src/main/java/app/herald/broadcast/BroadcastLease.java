package app.herald.broadcast;

import app.herald.storage.Lease;
import app.herald.storage.LeaseLostException;
import app.herald.storage.WorkLeases;
import app.herald.storage.WorkTakenException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A broadcast is sent by one desktop at a time: a run holds the lease on "broadcast:N" from its
 * start to its end, and every write of its journal is fenced by it ({@link #check}), so a desktop
 * whose lease ran out (and may have been taken over) writes nothing more and stops.
 */
final class BroadcastLease implements Journal.Fence {

    private final Jdbi jdbi;
    private final long broadcastId;
    private volatile Lease lease;

    BroadcastLease(Jdbi jdbi, long broadcastId) {
        this.jdbi = jdbi;
        this.broadcastId = broadcastId;
    }

    static String subject(long broadcastId) {
        return "broadcast:" + broadcastId;
    }

    /**
     * A condition for a query binding {@code :leaseOwner}: no other desktop is sending or planning
     * the broadcast {@code idExpression}.
     */
    static String notHeldByAnother(String idExpression) {
        return WorkLeases.notHeldByAnother("'broadcast:' || CAST(" + idExpression + " AS VARCHAR(20))");
    }

    /** Another desktop sending the broadcast now, as the refusal to send it here would say it. */
    static Optional<BroadcastBusyException> elsewhere(Jdbi jdbi, long broadcastId) {
        return WorkLeases.heldByAnother(jdbi, subject(broadcastId))
                .map(held -> new BroadcastBusyException(broadcastId, held));
    }

    /** @throws BroadcastBusyException when another desktop is sending it and was heard from within its lease */
    void take() {
        try {
            lease = WorkLeases.take(jdbi, subject(broadcastId));
        } catch (WorkTakenException e) {
            throw new BroadcastBusyException(broadcastId, e);
        }
    }

    void release() {
        Lease held = lease;
        lease = null;
        if (held != null) {
            held.close();
        }
    }

    @Override
    public void check(Handle handle) {
        Lease held = lease;
        if (held == null) {
            throw new LeaseLostException(subject(broadcastId));
        }
        held.require(handle);
    }
}
