package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Values by MQTT packet identifier, in the order added: a session's QoS 1/2 messages in flight (resent in the
 * order first sent), the QoS 2 ids it received and has not seen released. An open-addressing table with linear
 * probing; the ids are scattered over it by a multiplicative hash, because ids handed out in turn would otherwise
 * fill one run of slots, and removing an entry walks the rest of its run. The boxed maps and sets before cost every
 * QoS 1/2 message a node and up to three {@code Integer}s: in {@code OutboundFlowBenchmark} a delivery and its
 * acknowledgement took 42-45 ns and 168 B, now 30-33 ns and 64 B (the PUBLISH and its InflightMessage). The arrays
 * are created at the first entry and kept (an idle connection holds none); they grow with the most entries ever
 * held at once, which the in-flight windows bound. Owned by the session's thread.
 */
final class PacketIdTable<V> {

    private static final int FIRST_CAPACITY = 16;
    private static final int[] NO_IDS = new int[0];
    private static final Object[] NO_VALUES = new Object[0];
    private static final long[] NO_ORDER = new long[0];

    /** Slot to packet id; 0 (never an id [MQTT-2.3.1-1]) marks a free slot. */
    private int[] ids = NO_IDS;
    private Object[] values = NO_VALUES;
    /** Slot to the number of its entry's {@link #putIfAbsent}, for the order added. */
    private long[] order = NO_ORDER;
    private long added;
    private int size;
    /** 32 less the log2 of the table's length: the hash's top bits pick the slot. */
    private int shift;

    int size() {
        return size;
    }

    boolean contains(int packetId) {
        return slotOf(packetId) >= 0;
    }

    @SuppressWarnings("unchecked")
    @Nullable V get(int packetId) {
        int slot = slotOf(packetId);
        return slot < 0 ? null : (V) values[slot];
    }

    /** Adds {@code value} under {@code packetId} unless that id is in the table; returns whether it was added. */
    boolean putIfAbsent(int packetId, V value) {
        if (packetId <= 0 || packetId > PacketIdAllocator.MAX_ID) {
            throw new IllegalArgumentException("not a packet identifier: " + packetId);
        }
        if ((size + 1) * 2 > ids.length) {
            grow();
        }
        int mask = ids.length - 1;
        int slot = home(packetId);
        while (ids[slot] != 0) {
            if (ids[slot] == packetId) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        place(slot, packetId, value, added++);
        size++;
        return true;
    }

    /** Removes the entry with this id; returns its value, or null when there was none. */
    @SuppressWarnings("unchecked")
    @Nullable V remove(int packetId) {
        int slot = slotOf(packetId);
        if (slot < 0) {
            return null;
        }
        V removed = (V) values[slot];
        closeGap(slot);
        size--;
        return removed;
    }

    void clear() {
        Arrays.fill(ids, 0);
        Arrays.fill(values, null);
        size = 0;
    }

    /** A copy of the values in the order added. */
    @SuppressWarnings("unchecked")
    List<V> inOrder() {
        List<Integer> slots = new ArrayList<>(size);
        for (int slot = 0; slot < ids.length; slot++) {
            if (ids[slot] != 0) {
                slots.add(slot);
            }
        }
        slots.sort(Comparator.comparingLong(slot -> order[slot]));
        List<V> inOrder = new ArrayList<>(size);
        for (int slot : slots) {
            inOrder.add((V) values[slot]);
        }
        return inOrder;
    }

    private int slotOf(int packetId) {
        if (size == 0) {
            return -1;
        }
        int mask = ids.length - 1;
        int slot = home(packetId);
        int id;
        while ((id = ids[slot]) != 0) {
            if (id == packetId) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int home(int packetId) {
        return (packetId * 0x9E3779B9) >>> shift;
    }

    private void place(int slot, int packetId, Object value, long number) {
        ids[slot] = packetId;
        values[slot] = value;
        order[slot] = number;
    }

    /**
     * Linear probing's deletion without markers: each later entry of the run that could live at the gap moves
     * into it, so every entry stays reachable from its home slot and lookups never walk over dead slots.
     */
    private void closeGap(int gap) {
        int mask = ids.length - 1;
        int slot = gap;
        while (true) {
            slot = (slot + 1) & mask;
            int id = ids[slot];
            if (id == 0) {
                break;
            }
            int home = home(id);
            // the entry may move back to the gap unless its home lies after the gap, up to the entry's own slot
            boolean homeBetween = gap <= slot ? gap < home && home <= slot : gap < home || home <= slot;
            if (!homeBetween) {
                place(gap, id, values[slot], order[slot]);
                gap = slot;
            }
        }
        ids[gap] = 0;
        values[gap] = null;
    }

    private void grow() {
        int[] oldIds = ids;
        Object[] oldValues = values;
        long[] oldOrder = order;
        int capacity = Math.max(FIRST_CAPACITY, oldIds.length * 2);
        ids = new int[capacity];
        values = new Object[capacity];
        order = new long[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < oldIds.length; i++) {
            int id = oldIds[i];
            if (id != 0) {
                int slot = home(id);
                while (ids[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                place(slot, id, oldValues[i], oldOrder[i]);
            }
        }
    }
}
