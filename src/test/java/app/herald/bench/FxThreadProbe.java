package app.herald.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Asks the FX thread for a moment every 5 ms and keeps how long each answer took: the longest is
 * the longest the window was frozen (by Herald's own work on that thread, or by GC and a busy CPU).
 */
final class FxThreadProbe implements AutoCloseable {

    private static final long PROBE_EVERY_MS = 5;

    private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    private final long started = System.nanoTime();
    private volatile long worstWait;
    private volatile long worstAt;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fx-probe");
        thread.setDaemon(true);
        return thread;
    });

    FxThreadProbe() {
        ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> record(posted));
        }, 0, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void record(long posted) {
        long wait = System.nanoTime() - posted;
        waits.add(wait);
        if (wait > worstWait) {
            worstWait = wait;
            worstAt = posted - started;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** "longest wait 12.3 ms (4.2 s in), 99th percentile 4.5 ms (1,234 probes)". */
    String summary() {
        List<Long> sorted;
        synchronized (waits) {
            sorted = new ArrayList<>(waits);
        }
        Collections.sort(sorted);
        return String.format("longest wait %.1f ms (%.1f s in), 99th percentile %.1f ms (%,d probes)",
                worstWait / 1e6, worstAt / 1e9, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.size());
    }
}
