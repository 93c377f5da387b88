package io.ternmq.core;

import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Pubrel;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A session's outbound message flow. Model: {@code inflight} holds sent, unacknowledged QoS 1/2 messages by
 * packet id in the order first sent (at most {@code maxInflight}); {@code queue} holds QoS 1/2 messages waiting
 * for room in the window or for the client to come back (at most {@code maxQueued}, further ones are dropped and
 * counted). A message moves queue -> inflight only from the head, so per-topic, per-QoS order is the publish
 * order [MQTT-4.6.0-6]. After a restart part of the queue may still be on disk ({@code stored}, between the
 * loaded head and the messages queued since, which wait in {@code tail}): it is paged into {@code queue} as the
 * queue drains, and {@code tail} joins {@code queue} once nothing is left on disk, so order stays exact. QoS 0
 * never waits: it is sent at once when online, dropped when offline. Every move of a
 * QoS 1/2 message is told to the {@link OutboundJournal} (a persistent session's write-through). The bytes of the
 * messages held in memory (queue and tail, in flight; {@link ClientMemory#sizeOf}) are reported to
 * {@code heldBytes} as they enter and leave each, for the memory budget. Owned by the session's thread.
 */
final class OutboundFlow {

    /** Where packets go: the client's channel while it is connected. */
    interface Sink {
        void send(MqttPacket packet);

        /**
         * Whether the client can take this QoS 1/2 PUBLISH at all; one it cannot (beyond its MQTT 5 maximum packet
         * size) is discarded and completes as if delivered [MQTT-3.1.2-25]. The sink counts what it refuses.
         */
        default boolean accepts(Publish publish) {
            return true;
        }
    }

    /** What became of a delivery. */
    enum Outcome { SENT, QUEUED, DROPPED_OFFLINE, DROPPED_OVERFLOW, DROPPED_EXPIRED }

    private final int maxInflight;
    private final int maxQueued;
    /** The in-flight limit toward the connected client: ours, or its MQTT 5 Receive Maximum when lower. */
    private int window;
    private final PacketIdTable<InflightMessage> inflight = new PacketIdTable<>();
    // The three deques are empty on an idle connection: they start with one slot, not the default 16 (bench
    // connections scenario).
    /** In-flight messages not yet resent on this connection: the client's window was full at {@link #resume}. */
    private final ArrayDeque<InflightMessage> unsent = new ArrayDeque<>(0);
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>(0);
    private final ArrayDeque<Delivery> tail = new ArrayDeque<>(0);
    private @Nullable StoredQueue stored;
    private final PacketIdAllocator packetIds = new PacketIdAllocator();
    private final Totals totals;
    private final OutboundJournal journal;
    private final Clock clock;
    private final LongConsumer heldBytes;

    /**
     * Broker-wide sums of every flow's queue and window sizes, for the queue-depth and in-flight gauges, and the
     * count of messages dropped because they expired (MQTT 5).
     */
    record Totals(StripedCounter queued, StripedCounter inflight, StripedCounter expired) {
        static Totals unshared() {
            return new Totals(new StripedCounter(), new StripedCounter(), new StripedCounter());
        }
    }

    OutboundFlow(int maxInflight, int maxQueued) {
        this(maxInflight, maxQueued, Totals.unshared(), OutboundJournal.NONE);
    }

    OutboundFlow(int maxInflight, int maxQueued, Totals totals) {
        this(maxInflight, maxQueued, totals, OutboundJournal.NONE);
    }

    OutboundFlow(int maxInflight, int maxQueued, OutboundJournal journal) {
        this(maxInflight, maxQueued, Totals.unshared(), journal);
    }

    OutboundFlow(int maxInflight, int maxQueued, Totals totals, OutboundJournal journal) {
        this(maxInflight, maxQueued, totals, journal, Clock.SYSTEM, bytes -> { });
    }

    /**
     * {@code clock} tells which messages have expired and how much of their interval is left (MQTT 5);
     * {@code heldBytes} hears of every change in the bytes this flow holds, for the memory budget.
     */
    OutboundFlow(int maxInflight, int maxQueued, Totals totals, OutboundJournal journal, Clock clock,
                 LongConsumer heldBytes) {
        this.heldBytes = heldBytes;
        this.maxInflight = maxInflight;
        this.window = maxInflight;
        this.maxQueued = maxQueued;
        this.totals = totals;
        this.journal = journal;
        this.clock = clock;
    }

    Outcome deliver(Delivery delivery, @Nullable Sink sink) {
        if (expired(delivery)) {
            journal.dropped(delivery);
            return Outcome.DROPPED_EXPIRED; // [MQTT-3.3.2-5]
        }
        if (delivery.qos() == Qos.AT_MOST_ONCE) {
            if (sink == null) {
                return Outcome.DROPPED_OFFLINE;
            }
            sink.send(delivery.firstAttempt(0, now(delivery)));
            return Outcome.SENT;
        }
        if (sink != null && queue.isEmpty() && stored == null && inflight.size() < window) {
            sendFirst(delivery, sink, OutboundJournal.Origin.DIRECT);
            return Outcome.SENT;
        }
        if (queuedCount() >= maxQueued) {
            journal.dropped(delivery);
            return Outcome.DROPPED_OVERFLOW;
        }
        (stored == null ? queue : tail).addLast(delivery);
        totals.queued().increment();
        heldBytes.accept(ClientMemory.sizeOf(delivery));
        journal.queued(delivery);
        return Outcome.QUEUED;
    }

    /** Whether a QoS 1/2 delivery would wait in the queue rather than go out at once. */
    boolean wouldWait(@Nullable Sink sink) {
        return sink == null || !queue.isEmpty() || stored != null || inflight.size() >= window;
    }

    /**
     * Drops the oldest queued message held in memory (for a slow-consumer policy) and returns it, or null when
     * none is; its stored rows go with it.
     */
    @Nullable Delivery dropOldestQueued() {
        Delivery oldest = queue.isEmpty() ? tail.pollFirst() : queue.pollFirst();
        if (oldest == null) {
            return null;
        }
        totals.queued().decrement();
        heldBytes.accept(-ClientMemory.sizeOf(oldest));
        journal.unqueued(oldest);
        journal.dropped(oldest);
        return oldest;
    }

    /** The client's Receive Maximum for the connection being attached: never more in flight [MQTT-3.3.4-9]. */
    void window(int receiveMaximum) {
        window = Math.min(maxInflight, receiveMaximum);
    }

    /** False when the client cannot take the message: then it is done, as if acknowledged [MQTT-3.1.2-25]. */
    private boolean sendFirst(Delivery delivery, Sink sink, OutboundJournal.Origin origin) {
        int packetId = packetIds.next(inflight::contains); // [MQTT-2.3.1-4]
        // [MQTT-4.3.2-1] [MQTT-4.3.3-1]
        var message = new InflightMessage(delivery.firstAttempt(packetId, now(delivery)), delivery);
        if (!sink.accepts(message.publish())) {
            journal.sent(message, origin);
            journal.completed(message);
            return false;
        }
        inflight.putIfAbsent(packetId, message); // free: the allocator skipped the ids in flight
        totals.inflight().increment();
        heldBytes.accept(ClientMemory.sizeOf(delivery));
        journal.sent(message, origin);
        sink.send(message.publish());
        return true;
    }

    /**
     * A recovered queue, still on disk: its first page is loaded now, the rest as the queue drains. Restored
     * whatever the queue limit, nothing is dropped.
     */
    void restoreQueued(StoredQueue onDisk) {
        if (onDisk.remaining() == 0) {
            return;
        }
        stored = onDisk;
        totals.queued().add(onDisk.remaining());
        loadPage();
    }

    /** Moves the next page from disk to the queue's end; the tail follows once the disk part is used up. */
    private void loadPage() {
        StoredQueue onDisk = stored;
        if (onDisk == null) {
            return;
        }
        StoredQueue.Page page = onDisk.next();
        queue.addAll(page.deliveries());
        totals.queued().add(page.deliveries().size() - page.consumed()); // rows whose message was gone
        page.deliveries().forEach(delivery -> heldBytes.accept(ClientMemory.sizeOf(delivery)));
        if (onDisk.remaining() == 0) {
            stored = null;
            queue.addAll(tail);
            tail.clear();
        }
    }

    /**
     * A recovered in-flight message, in the order first sent; its packet id stays taken. Should the store hold two
     * with one id, the later one is kept: an id cannot be in flight twice.
     */
    void restoreInflight(InflightMessage message) {
        InflightMessage replaced = inflight.remove(message.publish().packetId());
        if (replaced != null) {
            totals.inflight().decrement();
            heldBytes.accept(-ClientMemory.sizeOf(replaced.delivery()));
        }
        inflight.putIfAbsent(message.publish().packetId(), message);
        totals.inflight().increment();
        heldBytes.accept(ClientMemory.sizeOf(message.delivery()));
    }

    /** QoS 1 done [MQTT-4.3.2-1]; the id is free again [MQTT-2.3.1-3]. Returns how many queued messages went out. */
    int onPuback(int packetId, @Nullable Sink sink) {
        InflightMessage message = inflight.get(packetId);
        if (message == null || message.publish().qos() != Qos.AT_LEAST_ONCE) {
            return 0;
        }
        complete(message);
        return drain(sink);
    }

    private void complete(InflightMessage message) {
        inflight.remove(message.publish().packetId());
        if (!unsent.isEmpty()) {
            unsent.remove(message); // acknowledged from an earlier connection before its resend here
        }
        totals.inflight().decrement();
        heldBytes.accept(-ClientMemory.sizeOf(message.delivery()));
        journal.completed(message);
    }

    /** QoS 2 step one: answer PUBREC with PUBREL of the same id [MQTT-4.3.3-1] [MQTT-2.3.1-6]. */
    void onPubrec(int packetId, Sink sink) {
        InflightMessage message = inflight.get(packetId);
        if (message == null || message.publish().qos() != Qos.EXACTLY_ONCE) {
            return;
        }
        message.released();
        journal.released(message);
        sink.send(new Pubrel(packetId));
    }

    /**
     * A PUBREC with a failure reason code (MQTT 5): the receiver will not take the message, so the flow ends here
     * with no PUBREL [MQTT-4.3.3-4] and the id is free again. Returns how many queued messages went out.
     */
    int onRefusedPubrec(int packetId, @Nullable Sink sink) {
        InflightMessage message = inflight.get(packetId);
        if (message == null || message.stage() != InflightMessage.Stage.AWAITING_ACK
                || message.publish().qos() != Qos.EXACTLY_ONCE) {
            return 0;
        }
        inflight.remove(packetId);
        totals.inflight().decrement();
        heldBytes.accept(-ClientMemory.sizeOf(message.delivery()));
        journal.completed(message);
        return drain(sink);
    }

    /** QoS 2 done; returns how many queued messages went out. */
    int onPubcomp(int packetId, @Nullable Sink sink) {
        InflightMessage message = inflight.get(packetId);
        if (message == null || message.stage() != InflightMessage.Stage.AWAITING_PUBCOMP) {
            return 0;
        }
        complete(message);
        return drain(sink);
    }

    /**
     * On reconnect of a persistent session: resend every unacknowledged PUBLISH with DUP=1 and every PUBREL,
     * in the order first sent, with the original ids [MQTT-4.4.0-1] [MQTT-4.6.0-1], then fill the window from the
     * queue. PUBLISHes beyond the client's window wait in {@code unsent} for its acknowledgements
     * [MQTT-3.3.4-9]; a PUBLISH the client can no longer take is done [MQTT-3.1.2-25]. Returns the number of
     * PUBLISH packets sent.
     */
    int resume(Sink sink) {
        unsent.clear();
        int publishes = 0;
        int awaitingPubcomp = 0;
        List<InflightMessage> inOrder = inflight.inOrder();
        for (InflightMessage message : inOrder) {
            if (message.stage() == InflightMessage.Stage.AWAITING_PUBCOMP) {
                awaitingPubcomp++;
            }
        }
        for (InflightMessage message : inOrder) {
            if (message.stage() == InflightMessage.Stage.AWAITING_PUBCOMP) {
                sink.send(new Pubrel(message.publish().packetId()));
            } else if (!sink.accepts(message.publish())) {
                complete(message);
            } else if (publishes + awaitingPubcomp < window) {
                sink.send(message.duplicate());
                publishes++;
            } else {
                unsent.addLast(message);
            }
        }
        return publishes + drain(sink);
    }

    private int drain(@Nullable Sink sink) {
        if (sink == null) {
            return 0;
        }
        int sent = 0;
        while (!unsent.isEmpty() && inflight.size() - unsent.size() < window) {
            sink.send(unsent.pollFirst().duplicate());
            sent++;
        }
        while (inflight.size() < window && (!queue.isEmpty() || stored != null)) {
            if (queue.isEmpty()) {
                loadPage();
                continue;
            }
            Delivery next = queue.pollFirst();
            totals.queued().decrement();
            heldBytes.accept(-ClientMemory.sizeOf(next));
            if (expired(next)) {
                dropExpiredFromQueue(next);
                continue;
            }
            if (sendFirst(next, sink, OutboundJournal.Origin.QUEUE)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * The session ends: every message still held is dropped, so its stored row is let go, and its messages leave
     * the broker-wide totals with it.
     */
    void abandon() {
        totals.queued().add(-queuedCount());
        totals.inflight().add(-inflight.size());
        heldBytes.accept(-bytesHeld());
        queue.forEach(journal::dropped);
        queue.clear();
        tail.forEach(journal::dropped);
        tail.clear();
        if (stored != null) {
            stored.releaseAll();
            stored = null;
        }
        for (InflightMessage message : inflight.inOrder()) {
            if (message.stage() == InflightMessage.Stage.AWAITING_ACK) {
                journal.dropped(message.delivery());
            }
        }
        inflight.clear();
        unsent.clear();
    }

    /**
     * Whether the delivery's message expired before its delivery began [MQTT-3.3.2-5]; no clock read without
     * expiry.
     */
    private boolean expired(Delivery delivery) {
        return delivery.expiresAt() != MessageExpiry.NEVER && delivery.isExpiredAt(clock.currentTimeMillis());
    }

    private long now(Delivery delivery) {
        return delivery.expiresAt() == MessageExpiry.NEVER ? 0 : clock.currentTimeMillis();
    }

    /** A queued message that expired while it waited: deleted, its stored rows with it, and counted. */
    private void dropExpiredFromQueue(Delivery delivery) {
        journal.unqueued(delivery);
        journal.dropped(delivery);
        totals.expired().increment();
    }

    /**
     * The messages picked for this session from shared subscriptions that its client has not surely received:
     * queued ones, and QoS 1 ones sent and awaiting PUBACK. QoS 2 ones in flight are not among them: if the
     * session ends before they complete, no other member may get them [MQTT-4.8.2-5].
     */
    List<Delivery> sharedUnacknowledged() {
        List<Delivery> held = new ArrayList<>();
        for (InflightMessage message : inflight.inOrder()) {
            if (message.delivery().share() != null && message.publish().qos() == Qos.AT_LEAST_ONCE) {
                held.add(message.delivery());
            }
        }
        for (Delivery delivery : queue) {
            if (delivery.share() != null) {
                held.add(delivery);
            }
        }
        for (Delivery delivery : tail) {
            if (delivery.share() != null) {
                held.add(delivery);
            }
        }
        return held;
    }

    private long bytesHeld() {
        long bytes = 0;
        for (Delivery delivery : queue) {
            bytes += ClientMemory.sizeOf(delivery);
        }
        for (Delivery delivery : tail) {
            bytes += ClientMemory.sizeOf(delivery);
        }
        for (InflightMessage message : inflight.inOrder()) {
            bytes += ClientMemory.sizeOf(message.delivery());
        }
        return bytes;
    }

    /** Nothing in flight or queued ({@code unsent} holds in-flight messages only): the flow holds no message. */
    boolean isIdle() {
        return inflight.size() == 0 && queuedCount() == 0;
    }

    int inflightCount() {
        return inflight.size();
    }

    /** Queued messages held in memory (with their payloads): the loaded pages and the tail. */
    int heldInMemory() {
        return queue.size() + tail.size();
    }

    /** Queued messages, those still on disk after a restart included. */
    int queuedCount() {
        long onDisk = stored == null ? 0 : stored.remaining();
        return (int) Math.min(Integer.MAX_VALUE, queue.size() + tail.size() + onDisk);
    }
}
