package app.herald.delivery;

import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnections;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks Twilio's log while the window is open, on a thread of its own (never the window's, never
 * the sender's): every half minute while a broadcast is followed, every five minutes otherwise
 * (replies can come any time), and at once when a person asks. A check that fails is said and
 * tried again at the next turn.
 */
public final class StatusFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusFollower.class);
    static final Duration WHILE_FOLLOWING = Duration.ofSeconds(30);
    static final Duration OTHERWISE = Duration.ofMinutes(5);

    private final StatusSync sync;
    private final TwilioConnections twilio;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread checker = new Thread(runnable, "herald-status");
        checker.setDaemon(true);
        return checker;
    });
    private final List<Consumer<StatusSync.Report>> onChecked = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> onProblem = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> next;

    public StatusFollower(StatusSync sync, TwilioConnections twilio) {
        this.sync = sync;
        this.twilio = twilio;
    }

    /** Told after each check, on the checker's thread. */
    public void onChecked(Consumer<StatusSync.Report> listener) {
        onChecked.add(listener);
    }

    /** Told, in words, when a check could not read Twilio's log, on the checker's thread. */
    public void onProblem(Consumer<String> listener) {
        onProblem.add(listener);
    }

    /** Starts the turns, the first at once. */
    public synchronized void start() {
        checkNow();
    }

    /** A check as soon as the one under way (if any) is done; the turns go on from there. */
    public synchronized void checkNow() {
        if (next != null) {
            next.cancel(false);
        }
        next = thread.schedule(this::turn, 0, TimeUnit.MILLISECONDS);
    }

    private void turn() {
        Duration wait = OTHERWISE;
        try {
            StatusSync.Report report = sync.check(twilio.current());
            onChecked.forEach(listener -> listener.accept(report));
            if (report.stillFollowing()) {
                wait = WHILE_FOLLOWING;
            }
        } catch (GatewayException e) {
            LOG.warn("Could not read Twilio's log", e);
            onProblem.forEach(listener -> listener.accept(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("Checking Twilio's log failed", e);
            onProblem.forEach(listener -> listener.accept("Herald could not check Twilio's log; the log file says why."));
        }
        synchronized (this) {
            if (!thread.isShutdown()) {
                next = thread.schedule(this::turn, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Stops the turns; a check under way stops before its next request to Twilio. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
