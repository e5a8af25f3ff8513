package app.herald.contacts.csv;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far an import has come, written by the import thread and read by whoever shows it, at the
 * pace it likes (a screen samples it; nothing is posted per row). Also carries the cancel request.
 */
public final class ImportProgress {

    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public long rows() {
        return rows.get();
    }

    /** 0 to 1, or -1 while the size is not known yet. */
    public double fraction() {
        long total = totalBytes.get();
        return total <= 0 ? -1 : Math.min(1.0, (double) bytesRead.get() / total);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void start(long fileSize) {
        totalBytes.set(fileSize);
    }

    void rowsRead(long count) {
        rows.set(count);
    }

    void bytesRead(long count) {
        bytesRead.addAndGet(count);
    }
}
