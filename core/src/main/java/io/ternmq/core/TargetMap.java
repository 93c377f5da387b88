package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The subscribers a PUBLISH matched, each with its options: keys compared by identity (a session is one object),
 * kept in open-addressed arrays, so that adding a target allocates nothing (a HashMap allocates a node per entry:
 * one per subscriber and message), reading them back by position allocates nothing either, and clearing costs the
 * entries, not the table. Insertion order is kept. Not thread-safe: one route at a time on one thread.
 */
final class TargetMap<K> extends AbstractMap<K, SubscriptionOptions> {

    private static final int INITIAL_SLOTS = 16;

    private @Nullable Object[] keys = new Object[INITIAL_SLOTS];
    private @Nullable SubscriptionOptions[] values = new SubscriptionOptions[INITIAL_SLOTS];
    /** The slot of each entry, in insertion order. */
    private int[] order = new int[INITIAL_SLOTS / 2];
    private int size;

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** The key of the {@code index}th entry added, 0 &lt;= index &lt; size(). */
    @SuppressWarnings("unchecked") // only keys of type K are put
    K key(int index) {
        Objects.checkIndex(index, size);
        return (K) keys[order[index]];
    }

    /** The options of the {@code index}th entry added. */
    SubscriptionOptions value(int index) {
        Objects.checkIndex(index, size);
        return Objects.requireNonNull(values[order[index]]);
    }

    @Override
    public @Nullable SubscriptionOptions get(Object key) {
        int slot = slotOf(key);
        return keys[slot] == null ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return keys[slotOf(key)] != null;
    }

    @Override
    public @Nullable SubscriptionOptions put(K key, SubscriptionOptions value) {
        Objects.requireNonNull(value, "value");
        int slot = slotOf(key);
        if (keys[slot] == null) {
            add(slot, key, value);
            return null;
        }
        SubscriptionOptions previous = values[slot];
        values[slot] = value;
        return previous;
    }

    /** As {@link java.util.Map#merge}; {@code remap} must not return null (options are never removed). */
    @Override
    public SubscriptionOptions merge(K key, SubscriptionOptions value,
                                     BiFunction<? super SubscriptionOptions, ? super SubscriptionOptions,
                                             ? extends SubscriptionOptions> remap) {
        Objects.requireNonNull(value, "value");
        int slot = slotOf(key);
        if (keys[slot] == null) {
            add(slot, key, value);
            return value;
        }
        SubscriptionOptions merged = Objects.requireNonNull(remap.apply(values[slot], value), "merged options");
        values[slot] = merged;
        return merged;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            keys[order[i]] = null;
            values[order[i]] = null;
        }
        size = 0;
    }

    @Override
    public Set<Entry<K, SubscriptionOptions>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, SubscriptionOptions>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<K, SubscriptionOptions> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(key(index), value(index));
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Adds an absent key at its empty {@code slot}, or where it goes in a grown table. */
    private void add(int slot, Object key, SubscriptionOptions value) {
        int at = slot;
        if (2 * (size + 1) > keys.length) {
            grow();
            at = slotOf(key);
        }
        keys[at] = key;
        values[at] = value;
        order[size++] = at;
    }

    /** Twice the slots, entries placed again in their order: at most half the slots are ever in use. */
    private void grow() {
        Object[] oldKeys = keys;
        SubscriptionOptions[] oldValues = values;
        int[] oldOrder = order;
        int count = size;
        keys = new Object[2 * oldKeys.length];
        values = new SubscriptionOptions[keys.length];
        order = Arrays.copyOf(order, keys.length / 2);
        size = 0;
        for (int i = 0; i < count; i++) {
            int slot = slotOf(oldKeys[oldOrder[i]]);
            keys[slot] = oldKeys[oldOrder[i]];
            values[slot] = oldValues[oldOrder[i]];
            order[size++] = slot;
        }
    }

    /** The slot holding {@code key}, or the empty one where it would go (linear probing). */
    private int slotOf(@Nullable Object key) {
        Objects.requireNonNull(key, "key");
        int mask = keys.length - 1;
        int h = System.identityHashCode(key);
        int slot = (h ^ (h >>> 16)) & mask;
        while (keys[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
