package app.herald.bench;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** When a probe was posted and how long it waited, both in nanoseconds. */
    private record Probe(long postedAt, long waited) {
    }

    private final List<Probe> probes = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fx-probe");
        thread.setDaemon(true);
        return thread;
    });

    FxThreadProbe() {
        ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> record(new Probe(posted, System.nanoTime() - posted)));
        }, 0, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void record(Probe probe) {
        probes.add(probe);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** "longest wait 12.3 ms (0.20 s in), 99th percentile 4.5 ms (1,234 probes)" over the probes posted in [from, to). */
    synchronized String summary(long from, long to) {
        List<Probe> window = probes.stream().filter(probe -> probe.postedAt() >= from && probe.postedAt() < to).toList();
        if (window.isEmpty()) {
            return "no probes";
        }
        long[] waits = window.stream().mapToLong(Probe::waited).sorted().toArray();
        Probe worst = window.stream().max(Comparator.comparingLong(Probe::waited)).orElseThrow();
        return String.format("longest wait %.1f ms (%.2f s in), 99th percentile %.1f ms (%,d probes)",
                worst.waited() / 1e6, (worst.postedAt() - window.get(0).postedAt()) / 1e9,
                waits[(int) (waits.length * 0.99)] / 1e6, waits.length);
    }

    String summary() {
        return summary(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
