package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * One session's share of the memory budget and its slow-consumer policy. Model: {@code used} = bytes of the
 * messages its {@link OutboundFlow} holds (reported through {@link #accept}) + bytes of the QoS 0 messages in
 * {@code heldQos0}, which wait only while the connection's channel is congested (its outbound buffer above the
 * high water mark) and are sent, in order, when it drains. Every change is added to the {@link MemoryBudget}
 * too. A message that would wait (be held or queued) and does not fit goes through {@link #makeRoom}: the
 * policy drops held QoS 0 messages first, then (drop oldest) queued QoS 1/2 ones, or drops the new one, or
 * asks for the connection to be closed. Owner thread only: plain fields, no locks.
 */
final class ClientMemory implements LongConsumer {

    /** Bytes counted per message besides payload and topic: the records, queue slots and headers around them. */
    static final int OVERHEAD = 128;

    /** Bytes a client may add before it has the broker-wide budget checked itself (see {@link MemoryBudget}). */
    private static final long CHECK_EVERY = 64 << 10;

    /** What to do with a message that would wait. */
    private enum Verdict { ADMIT, DROP_NEW, DISCONNECT }

    /** Whether the client's channel takes more writes. */
    enum Flow { WRITABLE, CONGESTED }

    private final MemoryBudget budget;
    private final CoreStats stats;
    private final long limit;
    private final ArrayDeque<Publish> heldQos0 = new ArrayDeque<>();
    private SlowConsumerPolicy policy;
    private Flow flow = Flow.WRITABLE;
    private long used;
    private long drops;
    private long disconnects;
    private long grownSinceCheck;

    ClientMemory(MemoryBudget budget, CoreStats stats) {
        this.budget = budget;
        this.stats = stats;
        this.limit = budget.limits().clientBytes();
        this.policy = budget.limits().rules().defaultPolicy();
    }

    static long sizeOf(String topic, byte[] payload) {
        return payload.length + topic.length() + OVERHEAD;
    }

    static long sizeOf(Delivery delivery) {
        return sizeOf(delivery.topic(), delivery.payload());
    }

    /** A change of the bytes the outbound flow holds. */
    @Override
    public void accept(long delta) {
        used += delta;
        budget.add(delta);
        if (delta > 0) {
            grown(delta);
        }
    }

    private void grown(long bytes) {
        grownSinceCheck += bytes;
        if (grownSinceCheck >= CHECK_EVERY) {
            grownSinceCheck = 0;
            budget.sample();
        }
    }

    /** The policy of the client now connected, from its listener and client id. */
    void policy(SlowConsumerPolicy chosen) {
        policy = chosen;
    }

    SlowConsumerPolicy policy() {
        return policy;
    }

    boolean isCongested() {
        return flow == Flow.CONGESTED;
    }

    void flow(Flow now) {
        flow = now;
    }

    /**
     * Applies the policy to a message of {@code size} bytes and {@code qos} about to wait for {@code session}:
     * true when it may, false when it is dropped (and counted). The disconnect policy closes the connection; a
     * persistent session then parked may still queue a QoS 1/2 message, offline rules applying.
     */
    boolean admit(long size, Qos qos, Session session, OutboundFlow queue) {
        Connection current = session.connection();
        switch (makeRoom(size, qos, current == null ? Online.NO : Online.YES, queue)) {
            case ADMIT -> {
                return true;
            }
            case DROP_NEW -> dropped();
            case DISCONNECT -> {
                disconnects++;
                if (current != null) {
                    current.slowConsumer();
                }
                if (qos != Qos.AT_MOST_ONCE && session.connection() == null
                        && session.lifetime() == SessionLifetime.PERSISTENT) {
                    return admit(size, qos, session, queue);
                }
                dropped();
            }
        }
        return false;
    }

    /**
     * Decides about a message of {@code size} bytes and {@code qos} that would wait, dropping older ones when the
     * policy says so. {@code online}: an offline session cannot be disconnected, so there it drops the newest.
     */
    private Verdict makeRoom(long size, Qos qos, Online online, OutboundFlow queue) {
        long need = used + size - limit;
        if (budget.exhausted()) {
            need = Math.max(need, size); // nothing grows while the broker is over its limit
        }
        if (need <= 0) {
            return Verdict.ADMIT;
        }
        SlowConsumerPolicy effective = online == Online.NO && policy == SlowConsumerPolicy.DISCONNECT
                ? SlowConsumerPolicy.DROP_NEWEST : policy;
        if (effective == SlowConsumerPolicy.DISCONNECT) {
            return Verdict.DISCONNECT;
        }
        if (qos == Qos.AT_MOST_ONCE && effective == SlowConsumerPolicy.DROP_NEWEST) {
            return Verdict.DROP_NEW;
        }
        long freed = 0;
        while (freed < need && !heldQos0.isEmpty()) { // QoS 0 goes first
            freed += release(heldQos0.pollFirst());
            dropped();
        }
        // a new QoS 0 message never displaces a QoS 1/2 one
        while (freed < need && qos != Qos.AT_MOST_ONCE && effective == SlowConsumerPolicy.DROP_OLDEST) {
            Delivery oldest = queue.dropOldestQueued();
            if (oldest == null) {
                break;
            }
            freed += sizeOf(oldest);
            dropped();
        }
        return freed >= need ? Verdict.ADMIT : Verdict.DROP_NEW;
    }

    /** Whether the session's client is connected, for {@link #makeRoom}. */
    private enum Online { YES, NO }

    /** Keeps a QoS 0 message for a congested connection; the caller made room first. */
    void hold(Publish message) {
        heldQos0.addLast(message);
        long size = sizeOf(message.topic(), message.payload());
        used += size;
        budget.add(size);
        grown(size);
    }

    /** The next held QoS 0 message to send now that the channel drained, or null. */
    @Nullable Publish nextHeld() {
        Publish next = heldQos0.pollFirst();
        if (next != null) {
            release(next);
        }
        return next;
    }

    /** The connection ended: held QoS 0 messages cannot wait for another (QoS 0 is never queued). */
    void connectionEnded() {
        flow = Flow.WRITABLE;
        while (!heldQos0.isEmpty()) {
            release(heldQos0.pollFirst());
            dropped();
        }
    }

    /** The session ends: its bytes leave the broker's total (the flow reports its own). */
    void abandon() {
        connectionEnded();
    }

    private long release(Publish message) {
        long size = sizeOf(message.topic(), message.payload());
        used -= size;
        budget.add(-size);
        return size;
    }

    /** One message dropped by the policy: counted for the client and the broker. */
    private void dropped() {
        drops++;
        stats.slowConsumerDrops.increment();
    }

    ClientMemoryInfo info() {
        return new ClientMemoryInfo(used, limit, policy, flow == Flow.CONGESTED, heldQos0.size(), drops,
                disconnects);
    }
}
