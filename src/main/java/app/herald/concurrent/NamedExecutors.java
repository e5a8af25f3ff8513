package app.herald.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's own threads: named after their job (so a thread dump reads), daemons (so a forgotten
 * one never keeps Herald alive), and an exception that escapes them is logged, never lost.
 */
public final class NamedExecutors {

    private static final Logger LOG = LoggerFactory.getLogger(NamedExecutors.class);

    private NamedExecutors() {
    }

    public static ExecutorService fixedPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, threadFactory(name));
    }

    static ThreadFactory threadFactory(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(
                    (failed, e) -> LOG.error("Uncaught exception in thread {}", failed.getName(), e));
            return thread;
        };
    }
}
