package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.function.Supplier;

/**
 * The children of a subscription-trie node by level name. Unlike a {@code HashMap<String, V>} it looks a level up
 * by its position in a topic ({@code topic[from, to)}), so that matching a PUBLISH cuts no Strings out of its topic.
 * <p>
 * Open addressing with linear probing, keys and values side by side in one array (key at 2i, value at 2i + 1), at
 * most half full. Changes need the trie's write lock; {@link #get(String, int, int)} tolerates racing changes.
 */
final class LevelMap<V> {

    private static final int MIN_SLOTS = 4;

    private Object[] table = new Object[2 * MIN_SLOTS];
    private int size;

    /** The hash {@link #get(String, int, int)} expects: {@link String#hashCode()} of {@code topic[from, to)}. */
    static int hash(String topic, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + topic.charAt(i);
        }
        return h;
    }

    /**
     * The value of the level {@code topic[from, to)}, or null. Safe to call while another thread changes the map
     * (the trie's optimistic match): it then may return a wrong value, which the caller detects and discards, but
     * it reads inside one table and ends, since a table is never more than half full.
     */
    @Nullable V get(String topic, int from, int to) {
        Object[] slots = table;
        int mask = slots.length / 2 - 1;
        int length = to - from;
        for (int slot = firstSlot(hash(topic, from, to), mask + 1); ; slot = (slot + 1) & mask) {
            Object key = slots[2 * slot];
            if (key == null) {
                return null;
            }
            if (key instanceof String level && level.length() == length
                    && level.regionMatches(0, topic, from, length)) {
                @SuppressWarnings("unchecked")
                V value = (V) slots[2 * slot + 1];
                return value;
            }
        }
    }

    @Nullable V get(String level) {
        return get(level, 0, level.length());
    }

    V computeIfAbsent(String level, Supplier<V> create) {
        int slot = find(level);
        if (slot >= 0) {
            return value(slot);
        }
        if (2 * (size + 1) > slots()) {
            resize(2 * slots());
        }
        V value = create.get();
        insert(level, value);
        size++;
        return value;
    }

    /** Removes the level; returns its value, or null if there was none. */
    @Nullable V remove(String level) {
        int slot = find(level);
        if (slot < 0) {
            return null;
        }
        V removed = value(slot);
        closeGap(slot);
        size--;
        if (slots() > MIN_SLOTS && 8 * size < slots()) {
            resize(slots() / 2);
        }
        return removed;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private int slots() {
        return table.length / 2;
    }

    /**
     * Fibonacci hashing: the top log2(slotCount) bits of the product, so that levels with similar hashes spread
     * out. Derived from the count of the table in hand, so a lookup racing a resize stays inside its table.
     */
    private static int firstSlot(int hash, int slotCount) {
        return hash * 0x9E3779B9 >>> (Integer.numberOfLeadingZeros(slotCount) + 1);
    }

    private int find(String level) {
        int mask = slots() - 1;
        for (int slot = firstSlot(level.hashCode(), mask + 1); ; slot = (slot + 1) & mask) {
            Object key = table[2 * slot];
            if (key == null) {
                return -1;
            }
            if (key.equals(level)) {
                return slot;
            }
        }
    }

    private void insert(String level, Object value) {
        int mask = slots() - 1;
        int slot = firstSlot(level.hashCode(), mask + 1);
        while (table[2 * slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = level;
        table[2 * slot + 1] = value;
    }

    /**
     * Backward-shift deletion: moves later entries of the probe run into the gap where that keeps them reachable,
     * so lookups can still stop at the first empty slot (no tombstones).
     */
    private void closeGap(int gap) {
        int mask = slots() - 1;
        int slot = gap;
        while (true) {
            slot = (slot + 1) & mask;
            Object key = table[2 * slot];
            if (key == null) {
                break;
            }
            int home = firstSlot(key.hashCode(), mask + 1);
            // The entry may fill the gap unless its home lies cyclically in (gap, slot].
            boolean homeAfterGap = gap <= slot ? gap < home && home <= slot : gap < home || home <= slot;
            if (!homeAfterGap) {
                table[2 * gap] = key;
                table[2 * gap + 1] = table[2 * slot + 1];
                gap = slot;
            }
        }
        table[2 * gap] = null;
        table[2 * gap + 1] = null;
    }

    private void resize(int newSlots) {
        Object[] old = table;
        table = new Object[2 * newSlots];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != null) {
                insert((String) old[i], old[i + 1]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private V value(int slot) {
        return (V) table[2 * slot + 1];
    }
}
