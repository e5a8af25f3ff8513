package app.herald.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap a stretch of work took, in two figures. The heap pools' peaks added are an upper
 * bound that mostly says how far G1 let the young generation grow into the free heap (it grows to
 * fill what {@code -Xmx} leaves); the most in use just after a collection is what the work kept
 * live, with old garbage not yet collected: the figure that says whether it fits in less.
 */
final class HeapUse implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong mostAfterCollection = new AtomicLong();
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private long poolPeaksAtClose;

    private HeapUse() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                collectors.add(emitter);
            }
        }
    }

    /** Starts watching from a collected heap. */
    static HeapUse watch() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapUse();
    }

    /** Both figures from {@link #watch()} to {@link #close()}, as the benchmarks print them. */
    String describe() {
        return String.format("%,d MB in use after a collection at most, %,d MB the pools' peaks added (an upper bound)",
                mostAfterCollection.get() >> 20, poolPeaksAtClose >> 20);
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
        mostAfterCollection.accumulateAndGet(used, Math::max);
    }

    /** Stops watching: what comes after is not counted. */
    @Override
    public void close() {
        poolPeaksAtClose = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> heapPools.contains(pool.getName()))
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        for (NotificationEmitter emitter : collectors) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // never added: nothing to remove
            }
        }
    }
}
