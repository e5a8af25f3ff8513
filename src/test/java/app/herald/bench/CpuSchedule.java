package app.herald.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What Linux's scheduler says of one thread ({@code /proc/…/schedstat}): how long it has run and how
 * long it has waited, ready, for a core. Empty where there is no such file (not Linux).
 */
record CpuSchedule(long ranNanos, long queuedNanos) {

    /** The calling thread's {@code /proc} folder, for {@link #of} to read from any thread. */
    static Optional<Path> folderOfThisThread() {
        try {
            return Optional.of(Path.of("/proc/self/task").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static Optional<CpuSchedule> of(Path threadFolder) {
        Path schedstat = threadFolder.resolve("schedstat");
        if (!Files.isReadable(schedstat)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(schedstat).trim().split(" ");
            return Optional.of(new CpuSchedule(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CpuSchedule since(CpuSchedule before) {
        return new CpuSchedule(ranNanos - before.ranNanos, queuedNanos - before.queuedNanos);
    }
}
