package io.ternmq.core;

import java.util.HashMap;
import java.util.Map;

/**
 * A map reused by every use on the same thread, for results collected and consumed within one call: a fresh map
 * per routed PUBLISH (its table and entries) was a fifth of the broker's allocation in the QoS 1 latency run. A use
 * that starts while another is still open on the same thread (a will published from within a delivery) gets a map
 * of its own; a map grown beyond {@code keepUpTo} entries is dropped rather than cleared, since clearing costs its
 * whole table every time.
 */
final class ScratchMap<K, V> {

    private final int keepUpTo;
    private final ThreadLocal<Slot<K, V>> perThread = ThreadLocal.withInitial(Slot::new);

    ScratchMap(int keepUpTo) {
        this.keepUpTo = keepUpTo;
    }

    /** An empty map; hand it back with {@link #giveBack(Map)} when done, on the same thread. */
    Map<K, V> borrow() {
        Slot<K, V> slot = perThread.get();
        if (slot.lent) {
            return new HashMap<>();
        }
        slot.lent = true;
        return slot.map;
    }

    void giveBack(Map<K, V> borrowed) {
        Slot<K, V> slot = perThread.get();
        if (borrowed != slot.map) {
            return;
        }
        if (borrowed.size() > keepUpTo) {
            slot.map = new HashMap<>();
        } else {
            borrowed.clear();
        }
        slot.lent = false;
    }

    private static final class Slot<K, V> {
        HashMap<K, V> map = new HashMap<>();
        boolean lent;
    }
}
