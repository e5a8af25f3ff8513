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
    private final AtomicLong toSave = new AtomicLong(-1);
    private final AtomicLong saved = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean savedAsRead = new AtomicBoolean();

    public long rows() {
        return rows.get();
    }

    /**
     * 0 to 1, or -1 while the size is not known yet. Reading the file is the first half, saving
     * its contacts the second: they are saved once all are read (in number order), which takes
     * about as long at a million rows (BENCHMARKS.md). Saved as they are read (on PostgreSQL),
     * reading is the whole way.
     */
    public double fraction() {
        long total = totalBytes.get();
        if (total <= 0) {
            return -1;
        }
        double reading = Math.min(1.0, (double) bytesRead.get() / total);
        if (savedAsRead.get()) {
            return reading;
        }
        long contacts = toSave.get();
        double saving = contacts < 0 ? 0 : contacts == 0 ? 1 : Math.min(1.0, (double) saved.get() / contacts);
        return (reading + saving) / 2;
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

    /** Each contact is saved as soon as it is read. */
    void savedAsRead() {
        savedAsRead.set(true);
    }

    void savingStarts(long contacts) {
        toSave.set(contacts);
    }

    void contactsSaved(long count) {
        saved.set(count);
    }
}
