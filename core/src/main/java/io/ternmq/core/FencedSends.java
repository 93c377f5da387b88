package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.store.Storage;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Holds a persistent session's outgoing packets until the storage writes submitted before them are durable, so
 * that a client never sees a delivery the broker could forget: a message sent from the queue whose move into
 * flight (with its packet id) was lost in a crash would be sent again after the restart as a new message, a
 * duplicate at QoS 2. Order is kept: each fence releases only the packets queued before it was submitted, and one
 * fence at a time is pending (the writer batches the rest). A new connection starts a new generation: packets
 * meant for the old one are dropped (its in-flight messages are resent on resume anyway). Owner thread only.
 */
final class FencedSends {

    private final Storage storage;
    /** Changes only when the session moves, on the thread it leaves ({@link SessionMove}). */
    private SessionThread owner;
    /** Empty on an idle connection: starts with one slot, not the default 16 (bench connections scenario). */
    private final ArrayDeque<MqttPacket> waiting = new ArrayDeque<>(0);
    private int generation;
    private int coveredByFence;
    private boolean fencePending;

    FencedSends(Storage storage, SessionThread owner) {
        this.storage = storage;
        this.owner = owner;
    }

    void send(MqttPacket packet, Consumer<MqttPacket> target) {
        waiting.addLast(packet);
        if (!fencePending) {
            submitFence(target);
        }
    }

    private void submitFence(Consumer<MqttPacket> target) {
        fencePending = true;
        coveredByFence = waiting.size();
        int fenceGeneration = generation;
        storage.afterWrites(() -> owner.execute(() -> fenceDone(fenceGeneration, target)));
    }

    private void fenceDone(int fenceGeneration, Consumer<MqttPacket> target) {
        if (fenceGeneration != generation) {
            return;
        }
        fencePending = false;
        for (int i = 0; i < coveredByFence; i++) {
            target.accept(waiting.pollFirst());
        }
        if (!waiting.isEmpty()) {
            submitFence(target);
        }
    }

    /** No packet waits for a fence and none is pending. */
    boolean isIdle() {
        return !fencePending && waiting.isEmpty();
    }

    /** The session moved to {@code thread}; only while idle. */
    void movedTo(SessionThread thread) {
        assert isIdle();
        owner = thread;
    }

    /** The connection changed: what waited for the old one is dropped. */
    void reset() {
        generation++;
        waiting.clear();
        fencePending = false;
    }
}
