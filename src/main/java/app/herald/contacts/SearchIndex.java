package app.herald.contacts;

import app.herald.storage.BulkWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the contacts of a list whose name holds a text or whose number holds its digits, without
 * testing a million rows one by one: the list is kept as {@link SearchBlock}s (see
 * V10__contact_search_blocks.sql), read in about a thousand rows and searched in memory. The last
 * list searched stays in memory while its contacts do not change, so the next search of it reads
 * nothing but the list's version.
 *
 * <p>Blocks are a copy of the contacts: the import writes them with the contacts; an edit marks its
 * block stale ({@link #changing}, {@link #staleAt}, in the edit's transaction); a search makes stale
 * and missing blocks again from the contacts and keeps them when the list has not changed meanwhile.
 */
public final class SearchIndex {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** About a third of H2's 1 MB write buffer: a transaction of blocks stays whole (see BulkWrites). */
    private static final int BLOCKS_PER_TRANSACTION = 10;

    private final Jdbi jdbi;
    private volatile Snapshot kept;
    private volatile Found lastFound;

    public SearchIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What the last list searched held, at the version it had. */
    private record Snapshot(long listId, long version, List<SearchBlock> blocks) {
    }

    private record Found(long listId, long version, SearchText text, long[] ids) {
    }

    /** The ids, in ascending order, of the list's contacts whose name holds {@code text} or whose number holds its digits. */
    public long[] matches(long listId, SearchText text) {
        long version = versionOf(listId);
        Found found = lastFound;
        if (found != null && found.listId() == listId && found.version() == version && found.text().equals(text)) {
            return found.ids();
        }
        long[] ids = search(snapshot(listId, version).blocks(), text);
        lastFound = new Found(listId, version, text, ids);
        return ids;
    }

    /** Reads the list's blocks now, so that its first search is as quick as the next ones. */
    public void prepare(long listId) {
        snapshot(listId, versionOf(listId));
    }

    private Snapshot snapshot(long listId, long version) {
        Snapshot snapshot = kept;
        if (snapshot == null || snapshot.listId() != listId || snapshot.version() != version) {
            snapshot = load(listId, version);
            kept = snapshot;
        }
        return snapshot;
    }

    private static long[] search(List<SearchBlock> blocks, SearchText text) {
        long[][] collected = {new long[64]};
        int[] count = {0};
        for (SearchBlock block : blocks) {
            block.matching(text, id -> {
                if (count[0] == collected[0].length) {
                    collected[0] = Arrays.copyOf(collected[0], count[0] * 2);
                }
                collected[0][count[0]++] = id;
            });
        }
        return Arrays.copyOf(collected[0], count[0]);
    }

    private long versionOf(long listId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT contacts_version FROM recipient_list WHERE id = :list")
                .bind("list", listId).mapTo(Long.class).findOne().orElse(-1L));
    }

    /** The list's blocks, the stale and missing ones made from its contacts (and kept, when the list did not change meanwhile). */
    private Snapshot load(long listId, long version) {
        List<SearchBlock> blocks = new ArrayList<>();
        List<SearchBlock> made = new ArrayList<>();
        jdbi.useHandle(handle -> {
            handle.createQuery("""
                            SELECT first_id, last_id, stale, ids, numbers, names FROM contact_search_block
                            WHERE list_id = :list ORDER BY list_id, first_id""")
                    .bind("list", listId)
                    .map((rs, ctx) -> rs.getBoolean("stale")
                            ? new Read(made(handle, listId, rs.getLong("first_id"), rs.getLong("last_id")), true)
                            : new Read(SearchBlock.read(rs.getLong("first_id"), rs.getLong("last_id"), rs.getBytes("ids"),
                                    rs.getString("numbers"), rs.getString("names")), false))
                    .forEach(read -> {
                        blocks.add(read.block());
                        if (read.stale()) {
                            made.add(read.block());
                        }
                    });
        });
        List<SearchBlock> tail = tail(listId, blocks);
        made.addAll(tail);
        keep(listId, version, made);
        return new Snapshot(listId, version, List.copyOf(blocks));
    }

    /**
     * Blocks for the contacts after every block: all of them the first time, one a person added
     * since. A last block with room is made again with them, so adding by hand does not leave a
     * block per contact. Replaces that last block in {@code blocks} and appends the new ones.
     */
    private List<SearchBlock> tail(long listId, List<SearchBlock> blocks) {
        SearchBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        long from = last == null ? 0 : last.size() < SearchBlock.SIZE ? last.firstId() : last.lastId() + 1;
        List<SearchBlock.Entry> entries = jdbi.withHandle(handle -> entries(handle, listId, from, Long.MAX_VALUE));
        if (entries.isEmpty() || last != null && entries.get(entries.size() - 1).id() <= last.lastId()) {
            return List.of();
        }
        List<SearchBlock> tail = new ArrayList<>();
        for (int start = 0; start < entries.size(); start += SearchBlock.SIZE) {
            List<SearchBlock.Entry> part = entries.subList(start, Math.min(entries.size(), start + SearchBlock.SIZE));
            // the first block keeps the key of the last one it replaces
            tail.add(start == 0 ? SearchBlock.of(from == 0 ? part.get(0).id() : from, part.get(part.size() - 1).id(), part)
                    : SearchBlock.of(part));
        }
        if (last != null && from == last.firstId()) {
            blocks.remove(blocks.size() - 1);
        }
        blocks.addAll(tail);
        return tail;
    }

    /** A block read from the database, or made again from the contacts when it was stale. */
    private record Read(SearchBlock block, boolean stale) {
    }

    private static SearchBlock made(Handle handle, long listId, long firstId, long lastId) {
        return SearchBlock.of(firstId, lastId, entries(handle, listId, firstId, lastId));
    }

    private static List<SearchBlock.Entry> entries(Handle handle, long listId, long fromId, long toId) {
        return handle.createQuery("""
                        SELECT id, e164, name FROM contact
                        WHERE list_id = :list AND id BETWEEN :from AND :to ORDER BY list_id, id""")
                .bind("list", listId).bind("from", fromId).bind("to", toId)
                .map((rs, ctx) -> new SearchBlock.Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Writes what a search made, a few blocks a transaction, each time only if the list is still at
     * the version its contacts were read at (the row lock orders this after any edit). A block that
     * cannot be kept (a full disk opens the data read-only) costs the next search the same work.
     */
    private void keep(long listId, long version, List<SearchBlock> made) {
        try {
            for (int start = 0; start < made.size(); start += BLOCKS_PER_TRANSACTION) {
                List<SearchBlock> part = made.subList(start, Math.min(made.size(), start + BLOCKS_PER_TRANSACTION));
                boolean kept = jdbi.inTransaction(handle -> {
                    long now = handle.createQuery("SELECT contacts_version FROM recipient_list WHERE id = :list FOR UPDATE")
                            .bind("list", listId).mapTo(Long.class).findOne().orElse(-1L);
                    if (now != version) {
                        return false;
                    }
                    part.forEach(block -> write(handle, listId, block));
                    return true;
                });
                if (!kept) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the search blocks of list {}; the next search makes them again", listId, e);
        }
    }

    private static void write(Handle handle, long listId, SearchBlock block) {
        handle.createUpdate("""
                        MERGE INTO contact_search_block b
                        USING (VALUES (CAST(:list AS BIGINT), CAST(:first AS BIGINT))) AS n(list_id, first_id)
                        ON b.list_id = n.list_id AND b.first_id = n.first_id
                        WHEN MATCHED THEN UPDATE SET last_id = :last, stale = FALSE, ids = :ids, numbers = :numbers, names = :names
                        WHEN NOT MATCHED THEN INSERT (list_id, first_id, last_id, stale, ids, numbers, names)
                            VALUES (n.list_id, n.first_id, :last, FALSE, :ids, :numbers, :names)""")
                .bind("list", listId).bind("first", block.firstId()).bind("last", block.lastId())
                .bind("ids", block.packedIds()).bind("numbers", block.numbers()).bind("names", block.names())
                .execute();
    }

    /** In the import's transaction: the block of the contacts it has just written (in id order) to a list nobody sees yet. */
    public static void append(Handle handle, long listId, List<SearchBlock.Entry> written) {
        if (!written.isEmpty()) {
            write(handle, listId, SearchBlock.of(written));
        }
    }

    /**
     * First in the transaction of an edit of the list's contacts: counts the edit, so no block
     * made from what the list held before is kept, and takes the list's row lock before any block's.
     */
    static void changing(Handle handle, long listId) {
        handle.createUpdate("UPDATE recipient_list SET contacts_version = contacts_version + 1 WHERE id = :list")
                .bind("list", listId).execute();
    }

    /** In the transaction that edits or deletes the contact: its block is made again at the next search. */
    static void staleAt(Handle handle, long listId, long contactId) {
        Optional<Long> firstId = handle.createQuery("""
                        SELECT first_id FROM contact_search_block WHERE list_id = :list AND first_id <= :id
                        ORDER BY list_id DESC, first_id DESC FETCH FIRST 1 ROW ONLY""")
                .bind("list", listId).bind("id", contactId).mapTo(Long.class).findOne();
        firstId.ifPresent(first -> handle.createUpdate("""
                        UPDATE contact_search_block SET stale = TRUE
                        WHERE list_id = :list AND first_id = :first AND last_id >= :id""")
                .bind("list", listId).bind("first", first).bind("id", contactId).execute());
    }

    /** Removes a hidden list's blocks, a few a transaction. */
    static void purge(Jdbi jdbi, long listId) {
        BulkWrites.deleteAll(jdbi, "contact_search_block", "list_id", listId, BLOCKS_PER_TRANSACTION);
    }
}
