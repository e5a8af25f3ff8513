package app.herald.contacts;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Up to {@link #SIZE} contacts of a list, packed to be searched in memory: their ids, their numbers'
 * digits and their lower-cased names, one per line, in id order. It covers the ids {@code firstId}
 * to {@code lastId} of its list whether or not each is still a contact: an edit inside that range
 * makes the block stale, and it is made again from the contacts of the same range.
 */
public record SearchBlock(long firstId, long lastId, long[] ids, String numbers, String names) {

    /** Contacts per block: a million-contact list is a thousand rows to read. */
    static final int SIZE = 1_000;

    /** A contact as a block keeps it. */
    public record Entry(long id, String e164, String name) {
    }

    /** The block of {@code entries} (in id order, at most {@link #SIZE}) covering {@code firstId..lastId}. */
    static SearchBlock of(long firstId, long lastId, List<Entry> entries) {
        long[] ids = new long[entries.size()];
        StringBuilder numbers = new StringBuilder(entries.size() * 13);
        StringBuilder names = new StringBuilder(entries.size() * 16);
        for (int i = 0; i < ids.length; i++) {
            Entry entry = entries.get(i);
            ids[i] = entry.id();
            numbers.append(entry.e164(), 1, entry.e164().length()).append('\n');
            if (entry.name() != null) {
                names.append(entry.name().toLowerCase(Locale.ROOT));
            }
            names.append('\n');
        }
        return new SearchBlock(firstId, lastId, ids, numbers.toString(), names.toString());
    }

    /** The block of {@code entries}, covering from the first one's id to the last one's. */
    static SearchBlock of(List<Entry> entries) {
        return of(entries.get(0).id(), entries.get(entries.size() - 1).id(), entries);
    }

    static SearchBlock read(long firstId, long lastId, byte[] packedIds, String numbers, String names) {
        ByteBuffer buffer = ByteBuffer.wrap(packedIds);
        long[] ids = new long[packedIds.length / Long.BYTES];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = buffer.getLong();
        }
        return new SearchBlock(firstId, lastId, ids, numbers, names);
    }

    byte[] packedIds() {
        ByteBuffer buffer = ByteBuffer.allocate(ids.length * Long.BYTES);
        for (long id : ids) {
            buffer.putLong(id);
        }
        return buffer.array();
    }

    int size() {
        return ids.length;
    }

    /** Gives, in id order, the id of each contact whose name holds the text or whose number holds its digits. */
    void matching(SearchText text, LongConsumer found) {
        BitSet hits = new BitSet(ids.length);
        markLines(names, text.lowerCase(), hits);
        if (text.looksLikeANumber()) {
            markLines(numbers, text.digits(), hits);
        }
        for (int line = hits.nextSetBit(0); line >= 0; line = hits.nextSetBit(line + 1)) {
            found.accept(ids[line]);
        }
    }

    /**
     * Marks each line of {@code lines} that holds {@code part}. One {@code indexOf} over the whole
     * block finds the next line that holds it; lines are counted only up to the hits.
     */
    private static void markLines(String lines, String part, BitSet hits) {
        if (part.isEmpty() || part.indexOf('\n') >= 0) {
            return;
        }
        int line = 0;
        int counted = 0;
        for (int at = lines.indexOf(part); at >= 0; at = lines.indexOf(part, counted)) {
            for (int i = counted; i < at; i++) {
                if (lines.charAt(i) == '\n') {
                    line++;
                }
            }
            hits.set(line);
            counted = lines.indexOf('\n', at) + 1;
            line++;
        }
    }
}
