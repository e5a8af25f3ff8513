package app.herald.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * A stretch of work's wall time and the CPU time this whole JVM spent in it (every thread: the
 * senders, the simulator, H2, the collector); from {@link #start()}, the readings to measure from.
 * On this shared machine the wall time of one and the same loop moved by 45% within a run and its
 * CPU time by 12%: the CPU time says more nearly how much work was done, whoever else had the cores.
 */
record Stopwatch(long wallNanos, long cpuNanos) {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Now, to measure from. */
    static Stopwatch start() {
        return new Stopwatch(System.nanoTime(), OS.getProcessCpuTime());
    }

    /** What passed since this start. */
    Stopwatch elapsed() {
        return new Stopwatch(System.nanoTime() - wallNanos, OS.getProcessCpuTime() - cpuNanos);
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
