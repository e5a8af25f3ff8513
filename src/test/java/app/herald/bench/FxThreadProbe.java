package app.herald.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Asks the FX thread for a moment every 5 ms and keeps how long each answer took: the longest is
 * the longest the window was frozen (by Herald's own work on that thread, or by GC and a busy CPU).
 * On Linux it also keeps, for each answer, how long the FX thread ran meanwhile and how long it
 * stood ready but waiting for a core: which of the two froze the window.
 */
final class FxThreadProbe implements AutoCloseable {

    private static final long PROBE_EVERY_MS = 5;

    /** When a probe was posted and how long it waited, both in nanoseconds; the FX thread's schedule meanwhile. */
    private record Probe(long postedAt, long waited, Optional<CpuSchedule> fxThread) {
    }

    private final List<Probe> probes = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fx-probe");
        thread.setDaemon(true);
        return thread;
    });

    FxThreadProbe() throws InterruptedException, ExecutionException {
        Optional<Path> fxThread = WaitForAsyncUtils.asyncFx(CpuSchedule::folderOfThisThread).get();
        ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Optional<CpuSchedule> before = fxThread.flatMap(CpuSchedule::of);
            Platform.runLater(() -> {
                long waited = System.nanoTime() - posted;
                record(new Probe(posted, waited, before.flatMap(was -> fxThread.flatMap(CpuSchedule::of).map(now -> now.since(was)))));
            });
        }, 0, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void record(Probe probe) {
        probes.add(probe);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /**
     * "longest wait 12.3 ms (0.20 s in; the FX thread ran 3.1 ms of it, waited for a core 8.0 ms),
     * 99th percentile 4.5 ms (1,234 probes)" over the probes posted in [from, to).
     */
    synchronized String summary(long from, long to) {
        List<Probe> window = probes.stream().filter(probe -> probe.postedAt() >= from && probe.postedAt() < to).toList();
        if (window.isEmpty()) {
            return "no probes";
        }
        long[] waits = window.stream().mapToLong(Probe::waited).sorted().toArray();
        Probe worst = window.stream().max(Comparator.comparingLong(Probe::waited)).orElseThrow();
        String schedule = worst.fxThread().map(fx -> String.format("; the FX thread ran %.1f ms of it, waited for a core %.1f ms",
                fx.ranNanos() / 1e6, fx.queuedNanos() / 1e6)).orElse("");
        return String.format("longest wait %.1f ms (%.2f s in%s), 99th percentile %.1f ms (%,d probes)",
                worst.waited() / 1e6, (worst.postedAt() - window.get(0).postedAt()) / 1e9, schedule,
                waits[(int) (waits.length * 0.99)] / 1e6, waits.length);
    }

    String summary() {
        return summary(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
