package app.herald.bench;

import java.time.Duration;

/**
 * The CPU time every PostgreSQL process on this machine has used so far (the server the benchmark
 * started, its backends included): read before and after a stretch of work, what the server's half
 * of it cost, apart from the client's, while both share the same two cores.
 */
final class PostgresCpu {

    private PostgresCpu() {
    }

    static double seconds() {
        return ProcessHandle.allProcesses()
                .map(ProcessHandle::info)
                .filter(info -> info.command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(info -> info.totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)
                .toNanos() / 1e9;
    }
}
