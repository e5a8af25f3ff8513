package app.herald.storage;

import org.jdbi.v3.core.Jdbi;

/** Makes what has been committed durable: on disk and synced, so neither a crash nor a power cut loses it. */
public final class Checkpoints {

    private Checkpoints() {
    }

    /**
     * H2 may hold a commit in memory before writing it, and the operating system may hold the
     * write: a step that must never be lost (a journal entry before the next request, the end of
     * an import) is synced before Herald goes on.
     */
    public static void sync(Jdbi jdbi) {
        // PostgreSQL has written and synced a commit when it returns (synchronous_commit is on by default)
        if (Engine.of(jdbi) == Engine.H2) {
            jdbi.useHandle(handle -> handle.execute("CHECKPOINT SYNC"));
        }
        jdbi.getConfig(Durability.class).synced();
    }
}
