package io.ternmq.core;

import io.ternmq.core.auth.ClientIdentity;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.ReasonCode;
import io.ternmq.store.InboundPacketId;
import io.ternmq.store.Storage;
import io.ternmq.store.StorageMode;
import io.ternmq.store.StoredMessage;
import io.ternmq.store.StoredSession;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The server side of one MQTT session (3.1.1 section 4.1): its subscriptions, the QoS 2 packet ids received and
 * not yet released, and its outbound flow. It outlives connections when persistent. Model: at most one
 * {@link Connection} is attached; {@code discarded} sessions receive nothing and are in no registry or tree.
 * A persistent session writes every change through to the storage: subscriptions, inbound QoS 2 ids, and (via its
 * {@link PersistentJournal}) each QoS 1/2 delivery's queue and in-flight rows, numbered by {@code nextSequence}.
 * Every method runs on the owner thread (asserted).
 */
final class Session implements OutboundFlow.Sink {

    private final String clientId;
    private final SessionLifetime lifetime;
    /** Changes only when the session moves, on the thread it leaves ({@link SessionMove}). */
    private SessionThread owner;
    private final BrokerContext broker;
    private final Map<String, SubscriptionOptions> subscriptions = new HashMap<>();
    private final PacketIdTable<Boolean> unreleasedInbound = new PacketIdTable<>();
    private final OutboundFlow outbound;
    private final OutboundJournal journal;
    private final FencedSends fencedSends;
    private final ClientMemory memory;
    private @Nullable Connection connection;
    private boolean discarded;
    /** Whether it ever subscribed: routes held on other threads may still name it. */
    private boolean everSubscribed;
    private long overflowDrops;
    private @Nullable ClientIdentity lastIdentity;
    private long nextSequence = 1;
    private final SessionExpiryTimer expiry = new SessionExpiryTimer();
    private @Nullable DelayedWill delayedWill;
    /** Read by other sessions' threads when they pick a shared subscription's member; written here only. */
    private volatile MemberReadiness readiness = MemberReadiness.OFFLINE;

    Session(String clientId, SessionLifetime lifetime, SessionThread owner, BrokerContext broker) {
        this.clientId = clientId;
        this.lifetime = lifetime;
        this.owner = owner;
        this.broker = broker;
        this.journal = lifetime == SessionLifetime.PERSISTENT
                ? new PersistentJournal(clientId, storage())
                : OutboundJournal.NONE;
        this.memory = new ClientMemory(broker.memory(), broker.stats());
        this.outbound = new OutboundFlow(broker.config().maxInflightMessages(), broker.config().maxQueuedMessages(),
                broker.stats().flowTotals, journal, broker.clock(), memory);
        broker.stats().sessions.increment();
        this.fencedSends = new FencedSends(storage(), owner);
    }

    private Storage storage() {
        return broker.stores().storage();
    }

    /** Puts back what a restart found stored: queue and flight in their stored order, unreleased inbound ids. */
    void restore(RecoveredSession recovered) {
        assert owner.isCurrent();
        recovered.inflight().forEach(outbound::restoreInflight);
        outbound.restoreQueued(recovered.queued());
        recovered.inboundPacketIds().forEach(id -> unreleasedInbound.putIfAbsent(id, Boolean.TRUE));
        nextSequence = recovered.nextSequence();
    }

    String clientId() {
        return clientId;
    }

    /** The session expiry interval and, while no client is connected, when it runs out. */
    SessionExpiryTimer expiry() {
        assert owner.isCurrent();
        return expiry;
    }

    SessionLifetime lifetime() {
        return lifetime;
    }

    SessionThread owner() {
        return owner;
    }

    @Nullable Connection connection() {
        assert owner.isCurrent();
        return connection;
    }

    /**
     * Whether it may move to another thread with its connection: connected and never subscribed (a route built before
     * an unsubscribe could still hand it a message on the old thread), holding no message, no send waiting for the
     * storage, no unreleased QoS 2 packet id and no delayed will, all of which call back to or wait on its thread.
     */
    boolean isMovable() {
        assert owner.isCurrent();
        return connection != null && !discarded && !everSubscribed && outbound.isIdle()
                && fencedSends.isIdle() && unreleasedInbound.size() == 0 && delayedWill == null;
    }

    /** On the thread it leaves: it belongs to {@code thread} from now on. Only when {@link #isMovable()}. */
    void movedTo(SessionThread thread) {
        assert isMovable();
        owner = thread;
        fencedSends.movedTo(thread);
    }

    // --- subscriptions ---

    /** Adds the subscription, or replaces the one with an identical filter [MQTT-3.8.4-3]. */
    void subscribe(String filter, SubscriptionOptions options) {
        assert owner.isCurrent();
        broker.subscriptions().subscribe(filter, this, options);
        subscriptions.put(filter, options);
        everSubscribed = true;
        persist();
    }

    boolean isSubscribed(String filter) {
        assert owner.isCurrent();
        return subscriptions.containsKey(filter);
    }

    int subscriptionCount() {
        assert owner.isCurrent();
        return subscriptions.size();
    }

    /**
     * Removes every subscription {@code stillAllowed} refuses for this session's client and returns how many;
     * a session that never had a connection since it was restored has no known identity and keeps its own.
     */
    int revokeSubscriptions(BiPredicate<ClientIdentity, String> stillAllowed) {
        assert owner.isCurrent();
        ClientIdentity identity = lastIdentity;
        if (identity == null || discarded) {
            return 0;
        }
        List<String> revoked = subscriptions.keySet().stream()
                .filter(filter -> !stillAllowed.test(identity, SharedFilter.topicFilterOf(filter)))
                .toList();
        revoked.forEach(this::unsubscribe);
        return revoked.size();
    }

    /** Returns whether the session had that subscription. */
    boolean unsubscribe(String filter) {
        assert owner.isCurrent();
        if (subscriptions.remove(filter) == null) {
            return false;
        }
        // [MQTT-3.10.4-2] nothing new for it; [MQTT-3.10.4-3] what is in flight or queued still completes
        broker.subscriptions().unsubscribe(filter, this);
        persist();
        return true;
    }

    /** Writes the persistent state through to the session store; connection-lifetime sessions are never stored. */
    void persist() {
        expiry.takeChanged(); // the row written now has the current interval
        if (lifetime == SessionLifetime.PERSISTENT && !discarded) {
            broker.stores().sessions().save(new StoredSession(clientId, StoredSubscriptions.qosOf(subscriptions),
                    expiry.expiresAt(), expiry.interval(), StoredSubscriptions.optionsOf(subscriptions)));
        }
    }

    // --- inbound QoS 2 ---

    /** Records a QoS 2 packet id; false if already unreleased: a resend, not routed again [MQTT-4.3.3-2]. */
    boolean receiveExactlyOnce(int packetId) {
        assert owner.isCurrent();
        boolean first = unreleasedInbound.putIfAbsent(packetId, Boolean.TRUE);
        if (first && isStored()) {
            storage().inboundPacketIds().add(new InboundPacketId(clientId, packetId));
        }
        return first;
    }

    /** Whether a QoS 2 packet id was received and is waiting for its PUBREL. */
    boolean isUnreleased(int packetId) {
        assert owner.isCurrent();
        return unreleasedInbound.contains(packetId);
    }

    /** Lets a QoS 2 packet id go at PUBREL; returns whether it was unreleased. */
    boolean release(int packetId) {
        assert owner.isCurrent();
        boolean known = unreleasedInbound.remove(packetId) != null;
        if (known && isStored()) {
            storage().inboundPacketIds().remove(new InboundPacketId(clientId, packetId));
        }
        return known;
    }

    /** Whether this session's changes are written to storage: persistent and not yet discarded. */
    boolean isStored() {
        return lifetime == SessionLifetime.PERSISTENT && !discarded;
    }

    /**
     * Whether a QoS 1/2 message delivered at {@code granted} keeps a message-table row for this session: persistent
     * and granted QoS 1 or 2. Any thread may ask (the router does): both are fixed for the session's life.
     */
    boolean holdsRow(Qos granted) {
        return lifetime == SessionLifetime.PERSISTENT && granted != Qos.AT_MOST_ONCE;
    }

    // --- outbound ---

    /**
     * A routed message for this session's matching subscriptions, with their combined options; {@code row} is the
     * message-table row the router stored for this session when it is persistent and the QoS is 1 or 2;
     * {@code share} is the shared subscription group that picked this session, or null.
     */
    void deliver(Publish message, SubscriptionOptions subscription, @Nullable PersistedMessage row,
                 @Nullable SharedGroup<Session> share) {
        assert owner.isCurrent();
        Qos granted = subscription.qos();
        if (message.qos() == Qos.AT_MOST_ONCE && !message.retain() && !message.dup()
                && subscription.identifiers().isEmpty()) {
            // the common QoS 0 case: the inbound packet (DUP=0 [MQTT-3.3.1-2], no id) is already the outbound one
            if (connection != null && !discarded) {
                send(message);
            } else {
                broker.stats().offlineDrops.increment();
            }
            return;
        }
        // [MQTT-3.8.4-6] the lower of published and granted QoS; [MQTT-3.3.1-9] RETAIN=0 on established subscriptions
        // (3.1.1), RETAIN as published with Retain As Published (5.0 [MQTT-3.3.1-12] [MQTT-3.3.1-13]); the
        // subscriptions' identifiers on the way out [MQTT-3.3.4-3]
        deliver(new Delivery(message.topic(), message.payload(), Qos.min(message.qos(), granted),
                subscription.forwardedRetain(message.retain()), 0, row,
                SubscriptionIdentifiers.on(message.properties(), subscription.identifiers()), expiresAt(message),
                share));
    }

    /** When the message expires, counted from now: it was routed a moment ago [MQTT-3.3.2-5]. */
    private long expiresAt(Publish message) {
        Long interval = message.properties().messageExpiryInterval();
        return interval == null ? MessageExpiry.NEVER
                : MessageExpiry.expiresAt(broker.clock().currentTimeMillis(), interval);
    }

    void deliver(Delivery delivery) {
        assert owner.isCurrent();
        if (discarded) {
            journal.dropped(delivery);
            if (delivery.share() != null) {
                // picked from a shared group just before this session left it: another member takes it
                SharedRedelivery.toOtherMembers(List.of(delivery));
            }
            return;
        }
        if (delivery.qos() != Qos.AT_MOST_ONCE && outbound.wouldWait(sink())
                && !memory.admit(ClientMemory.sizeOf(delivery), delivery.qos(), this, outbound)) {
            journal.dropped(delivery);
            return;
        }
        OutboundFlow.Outcome outcome = outbound.deliver(persisted(delivery), sink());
        switch (outcome) {
            case DROPPED_OVERFLOW -> {
                overflowDrops++;
                broker.stats().queueOverflowDrops.increment();
            }
            case DROPPED_OFFLINE -> broker.stats().offlineDrops.increment();
            case DROPPED_EXPIRED -> broker.stats().expiredMessages.increment();
            case SENT, QUEUED -> { }
        }
        updateReadiness();
    }

    /** The connection's channel drained below its low water mark, or filled above its high one. */
    void flow(ClientMemory.Flow now) {
        assert owner.isCurrent();
        memory.flow(now);
        Publish held;
        while (!memory.isCongested() && connection != null && (held = memory.nextHeld()) != null) {
            transmit(held);
        }
    }

    void onPuback(int packetId) {
        assert owner.isCurrent();
        outbound.onPuback(packetId, sink());
        updateReadiness();
    }

    /** A PUBREC; an MQTT 5 client's failure code (0x80 or above) ends that message's flow without PUBREL. */
    void onPubrec(int packetId, ReasonCode code) {
        assert owner.isCurrent();
        if (code.value() >= ReasonCode.UNSPECIFIED_ERROR.value()) {
            outbound.onRefusedPubrec(packetId, sink());
        } else {
            outbound.onPubrec(packetId, this);
        }
    }

    void onPubcomp(int packetId) {
        assert owner.isCurrent();
        outbound.onPubcomp(packetId, sink());
        updateReadiness();
    }

    /** For picking a shared subscription's member; any thread may ask, the answer may be a moment old. */
    MemberReadiness readiness() {
        return readiness;
    }

    /** Busy = connected with messages waiting for room in the window; written only when it changes. */
    private void updateReadiness() {
        MemberReadiness now = connection == null || discarded ? MemberReadiness.OFFLINE
                : outbound.queuedCount() > 0 ? MemberReadiness.BUSY : MemberReadiness.READY;
        if (now != readiness) {
            readiness = now;
        }
    }

    /** A QoS 1/2 delivery to a persistent session gets its sequence, and a stored row if the router made none. */
    private Delivery persisted(Delivery delivery) {
        if (!isStored() || delivery.qos() == Qos.AT_MOST_ONCE) {
            return delivery;
        }
        PersistedMessage row = delivery.stored();
        if (row == null) {
            var message = new StoredMessage(broker.messageIds().next(), delivery.topic(), delivery.qos(),
                    delivery.payload(), StoredProperties.of(delivery.properties()),
                    StoredProperties.expiresAt(delivery.expiresAt()));
            row = PersistedMessage.store(message, 1, storage().messages());
        }
        return delivery.persisted(nextSequence++, row);
    }

    private OutboundFlow.@Nullable Sink sink() {
        return connection == null ? null : this;
    }

    /**
     * Sends to the attached connection; a QoS 0 PUBLISH for a congested connection waits in the memory budget
     * instead, if the slow-consumer policy lets it (QoS 1/2 are bounded by the in-flight window already).
     */
    @Override
    public void send(MqttPacket packet) {
        if (memory.isCongested() && packet instanceof Publish publish && publish.qos() == Qos.AT_MOST_ONCE) {
            if (memory.admit(ClientMemory.sizeOf(publish.topic(), publish.payload()), Qos.AT_MOST_ONCE, this,
                    outbound)) {
                memory.hold(publish);
            }
            return;
        }
        transmit(packet);
    }

    /** A stored session with durable storage sends only once what it wrote before is durable ({@link FencedSends}). */
    private void transmit(MqttPacket packet) {
        if (isStored() && storage().mode() != StorageMode.MEMORY) {
            fencedSends.send(packet, this::sendNow);
        } else {
            sendNow(packet);
        }
    }

    /** A QoS 1/2 PUBLISH beyond the attached MQTT 5 client's maximum packet size is discarded and counted. */
    @Override
    public boolean accepts(Publish publish) {
        Connection target = connection;
        if (target == null || target.clientLimits().packetSize().fits(publish)) {
            return true;
        }
        broker.stats().oversizeDrops.increment(); // [MQTT-3.1.2-25]
        return false;
    }

    /** Counts PUBLISHes; nothing happens when no connection is attached any more. */
    private void sendNow(MqttPacket packet) {
        Connection target = connection;
        if (target != null) {
            if (packet instanceof Publish) {
                broker.stats().messagesSent.increment();
            }
            target.channel().send(packet);
        }
    }

    // --- connection lifecycle ---

    /** The client is back (or new): redeliver in-flight messages, then the queue [MQTT-4.4.0-1]. */
    void attach(Connection newConnection) {
        assert owner.isCurrent() && connection == null && !discarded;
        connection = newConnection;
        lastIdentity = newConnection.identity();
        memory.policy(broker.memory().limits().rules().policyFor(newConnection.channel().listener().listenerName(),
                clientId));
        fencedSends.reset();
        SessionTimers.attached(this);
        outbound.window(newConnection.clientLimits().receiveMaximum()); // [MQTT-3.3.4-9] per connection
        outbound.resume(this);
        updateReadiness();
    }

    /** The connection ended; a connection-lifetime session ends with it [MQTT-3.1.2-6]. */
    void detach(Connection ended) {
        assert owner.isCurrent();
        if (connection != ended) {
            return;
        }
        connection = null;
        fencedSends.reset();
        updateReadiness();
        memory.connectionEnded();
        if (lifetime == SessionLifetime.CONNECTION || expiry.interval() == 0) {
            discard();
        } else {
            SessionTimers.detached(this);
        }
    }

    /** Ends the session: no subscriptions remain, nothing is stored, and nothing more is delivered. */
    void discard() {
        assert owner.isCurrent();
        expiry.stop();
        for (String filter : subscriptions.keySet()) {
            broker.subscriptions().unsubscribe(filter, this);
        }
        subscriptions.clear();
        if (!discarded) {
            broker.stats().sessions.decrement();
            List<Delivery> sharedOrphans = outbound.sharedUnacknowledged();
            outbound.abandon();
            memory.abandon();
            SharedRedelivery.toOtherMembers(sharedOrphans); // after leaving the groups: never back to this session
        }
        discarded = true;
        updateReadiness();
        boolean claimed = owner.sessions().remove(clientId, this); // its claim came with its place there
        if (lifetime == SessionLifetime.PERSISTENT) {
            Storage storage = storage();
            storage.sessions().remove(clientId);
            storage.queues().removeAll(clientId); // range deletes: one tombstone per kind, however long the queue
            storage.inflight().removeAll(clientId);
            storage.inboundPacketIds().removeAll(clientId);
        }
        SessionTimers.ended(this); // a delayed will goes out when its session ends [MQTT-3.1.2-8]
        if (claimed) {
            // last: once released, the client id's next session may start on another thread, and these removals
            // must not overtake what it stores
            broker.threads().owners().release(clientId);
        }
    }

    // --- delayed will (MQTT 5) ---

    /** The delayed will of the connection that just ended abnormally, or of a restored session; null if none. */
    @Nullable DelayedWill delayedWill() {
        assert owner.isCurrent();
        return delayedWill;
    }

    void delayedWill(@Nullable DelayedWill will) {
        assert owner.isCurrent();
        delayedWill = will;
    }

    BrokerContext broker() {
        return broker;
    }

    ClientInfo clientInfo() {
        assert owner.isCurrent();
        List<ClientInfo.Subscription> filters = subscriptions.entrySet().stream()
                .map(e -> new ClientInfo.Subscription(e.getKey(), e.getValue().qos()))
                .sorted(Comparator.comparing(ClientInfo.Subscription::topicFilter))
                .toList();
        ClientInfo.Connected online = connection == null ? null : connection.describe();
        return new ClientInfo(clientId, lifetime == SessionLifetime.PERSISTENT, online, filters,
                outbound.queuedCount(), outbound.inflightCount(), overflowDrops, memory.info());
    }

    SessionInfo info() {
        assert owner.isCurrent();
        return new SessionInfo(clientId, lifetime == SessionLifetime.PERSISTENT, connection != null,
                List.copyOf(subscriptions.keySet()), outbound.inflightCount(), outbound.queuedCount(), overflowDrops,
                memory.info());
    }
}
