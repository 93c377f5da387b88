package io.ternmq.core;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A map reused by every use on the same thread, for results collected and consumed within one call: a fresh map
 * per routed PUBLISH (its table and entries) was a fifth of the broker's allocation in the QoS 1 latency run. A use
 * that starts while another is still open on the same thread (a will published from within a delivery) gets a map
 * of its own; a map grown beyond {@code keepUpTo} entries is dropped rather than cleared, so that one large route
 * leaves no large table behind on the thread (and a HashMap's clear costs its whole table every time).
 */
final class ScratchMap<M extends Map<?, ?>> {

    private final int keepUpTo;
    private final Supplier<M> factory;
    private final ThreadLocal<Slot<M>> perThread;

    ScratchMap(int keepUpTo, Supplier<M> factory) {
        this.keepUpTo = keepUpTo;
        this.factory = factory;
        this.perThread = ThreadLocal.withInitial(() -> new Slot<>(factory.get()));
    }

    /** An empty map; hand it back with {@link #giveBack} when done, on the same thread. */
    M borrow() {
        Slot<M> slot = perThread.get();
        if (slot.lent) {
            return factory.get();
        }
        slot.lent = true;
        return slot.map;
    }

    void giveBack(M borrowed) {
        Slot<M> slot = perThread.get();
        if (borrowed != slot.map) {
            return;
        }
        if (borrowed.size() > keepUpTo) {
            slot.map = factory.get();
        } else {
            borrowed.clear();
        }
        slot.lent = false;
    }

    private static final class Slot<M> {
        M map;
        boolean lent;

        Slot(M map) {
            this.map = map;
        }
    }
}
