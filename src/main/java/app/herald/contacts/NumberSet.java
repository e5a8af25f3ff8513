package app.herald.contacts;

/**
 * A set of E.164 numbers held as longs (at most 15 digits fit), about 16 bytes a number instead
 * of the hundred a {@code HashSet<String>} takes: a million-contact import dedupes in a few MB.
 */
public final class NumberSet {

    private static final long EMPTY = 0;

    private long[] slots;
    private int size;

    public NumberSet() {
        slots = new long[1 << 12];
    }

    /** @return true when the number was not in the set yet */
    public boolean add(String e164) {
        long key = key(e164);
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        return insert(key);
    }

    public boolean contains(String e164) {
        long key = key(e164);
        int mask = slots.length - 1;
        for (int i = slot(key, mask); slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == key) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private boolean insert(long key) {
        int mask = slots.length - 1;
        int i = slot(key, mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long key : old) {
            if (key != EMPTY) {
                insert(key);
            }
        }
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    /** "+4915112345678" as 4915112345678; E.164 never starts with 0, so 0 can mark an empty slot. */
    private static long key(String e164) {
        if (e164.length() < 2 || e164.length() > 16 || e164.charAt(0) != '+') {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
        return Long.parseLong(e164, 1, e164.length(), 10);
    }
}
