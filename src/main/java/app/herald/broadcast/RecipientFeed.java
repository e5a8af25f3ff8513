package app.herald.broadcast;

import app.herald.contacts.Audience;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads who a broadcast reaches on a thread of its own and hands them over a chunk at a time, in
 * number order, while the planner writes the chunk before: at a million recipients the read (2 s)
 * and the writes (4.5 s) then share the two cores instead of taking turns (BENCHMARKS.md).
 *
 * @param <T> what each recipient is made into on the reading thread
 */
final class RecipientFeed<T> implements AutoCloseable {

    private static final int CHUNK = 1_000;
    private static final int CHUNKS_AHEAD = 8;

    private final BlockingQueue<Chunk<T>> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean closed;

    /**
     * @param prepare what becomes of each recipient, on the reading thread; a failure there (a text
     *                too long) ends the feed and is thrown to the one who takes from it
     */
    RecipientFeed(Audience audience, Collection<Long> listIds, Function<Audience.Recipient, T> prepare) {
        reader = new Thread(() -> read(audience, List.copyOf(listIds), prepare), "herald-plan-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Gives each recipient, in number order; throws what the reading thread failed with. */
    void forEach(Consumer<T> each) {
        try {
            Chunk<T> chunk;
            do {
                chunk = chunks.take();
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
                chunk.items().forEach(each);
            } while (!chunk.isEnd());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("planning interrupted");
        }
    }

    /**
     * Stops the reading thread at its next recipient and waits for it to let go of its connection.
     * It is never interrupted: an interrupt that meets H2 reading its file closes the database.
     */
    @Override
    public void close() {
        closed = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            // it stops by itself within a tenth of a second
            Thread.currentThread().interrupt();
        }
    }

    private void read(Audience audience, List<Long> listIds, Function<Audience.Recipient, T> prepare) {
        try {
            List<T> items = new ArrayList<>(CHUNK);
            audience.forEachRecipient(listIds, recipient -> {
                if (closed) {
                    throw new CancellationException("planning stopped");
                }
                items.add(prepare.apply(recipient));
                if (items.size() == CHUNK) {
                    hand(new Chunk<>(List.copyOf(items), false, null));
                    items.clear();
                }
            });
            hand(new Chunk<>(List.copyOf(items), true, null));
        } catch (RuntimeException e) {
            if (!closed) {
                hand(new Chunk<>(List.of(), true, e));
            }
        }
    }

    /** Waits for room, or for the feed to be closed. */
    private void hand(Chunk<T> chunk) {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new CancellationException("planning stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("planning interrupted");
        }
    }

    /** A run of recipients; the last one ends the feed, with the reading thread's failure if it failed. */
    private record Chunk<T>(List<T> items, boolean isEnd, RuntimeException failure) {
    }
}
