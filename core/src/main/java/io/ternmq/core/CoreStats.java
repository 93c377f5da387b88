package io.ternmq.core;

import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Qos;

import java.util.function.LongSupplier;

/**
 * The broker's counters: {@link StripedCounter}s, because every session thread bumps them on the hot path (an
 * increment allocates nothing, takes no lock and writes no cache line another session thread writes). Gauges
 * that a structure already knows (retained, subscriptions) are read from it instead.
 */
final class CoreStats implements BrokerStats {

    final StripedCounter connectedClients = new StripedCounter();
    final StripedCounter messagesReceived = new StripedCounter();
    final StripedCounter messagesSent = new StripedCounter();
    final StripedCounter protocolViolations = new StripedCounter();
    final StripedCounter queueOverflowDrops = new StripedCounter();
    final StripedCounter unauthorizedPublishes = new StripedCounter();
    final StripedCounter backlogPauses = new StripedCounter();
    final StripedCounter sessionMoves = new StripedCounter();
    final StripedCounter refusedConnections = new StripedCounter();
    final StripedCounter noSubscriberDrops = new StripedCounter();
    final StripedCounter offlineDrops = new StripedCounter();
    final StripedCounter oversizeDrops = new StripedCounter();
    final StripedCounter slowConsumerDrops = new StripedCounter();
    final StripedCounter sessions = new StripedCounter();
    final StripedCounter expiredSessions = new StripedCounter();
    final StripedCounter expiredMessages = new StripedCounter();
    final StripedCounter queued = new StripedCounter();
    final StripedCounter inflight = new StripedCounter();
    final OutboundFlow.Totals flowTotals = new OutboundFlow.Totals(queued, inflight, expiredMessages);
    private final StripedCounter[] connects = counters(ConnectReturnCode.values().length);
    private final StripedCounter[] disconnects = counters(DisconnectReason.values().length);
    private final StripedCounter[] publishesReceived = counters(Qos.values().length);
    private final LongSupplier retainedCount;
    private final LongSupplier subscriptionCount;
    private final MemoryBudget memory;
    private final SessionOwners owners;

    CoreStats(LongSupplier retainedCount, LongSupplier subscriptionCount, MemoryBudget memory, SessionOwners owners) {
        this.retainedCount = retainedCount;
        this.subscriptionCount = subscriptionCount;
        this.memory = memory;
        this.owners = owners;
    }

    private static StripedCounter[] counters(int count) {
        StripedCounter[] counters = new StripedCounter[count];
        for (int i = 0; i < count; i++) {
            counters[i] = new StripedCounter();
        }
        return counters;
    }

    void connected(ConnectReturnCode code) {
        connects[code.ordinal()].increment();
    }

    void disconnected(DisconnectReason reason) {
        disconnects[reason.ordinal()].increment();
    }

    void publishReceived(Qos qos) {
        messagesReceived.increment();
        publishesReceived[qos.ordinal()].increment();
    }

    @Override
    public long connectedClients() {
        return connectedClients.sum();
    }

    @Override
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    @Override
    public long messagesSent() {
        return messagesSent.sum();
    }

    @Override
    public long protocolViolations() {
        return protocolViolations.sum();
    }

    @Override
    public long queueOverflowDrops() {
        return queueOverflowDrops.sum();
    }

    @Override
    public long unauthorizedPublishes() {
        return unauthorizedPublishes.sum();
    }

    @Override
    public long backlogPauses() {
        return backlogPauses.sum();
    }

    @Override
    public long sessionMoves() {
        return sessionMoves.sum();
    }

    @Override
    public long refusedConnections() {
        return refusedConnections.sum();
    }

    @Override
    public long connects(ConnectReturnCode code) {
        return connects[code.ordinal()].sum();
    }

    @Override
    public long disconnects(DisconnectReason reason) {
        return disconnects[reason.ordinal()].sum();
    }

    @Override
    public long publishesReceived(Qos qos) {
        return publishesReceived[qos.ordinal()].sum();
    }

    @Override
    public long drops(DropReason reason) {
        return switch (reason) {
            case QUEUE_FULL -> queueOverflowDrops.sum();
            case NOT_AUTHORIZED -> unauthorizedPublishes.sum();
            case NO_SUBSCRIBERS -> noSubscriberDrops.sum();
            case QOS0_OFFLINE -> offlineDrops.sum();
            case EXPIRED -> expiredMessages.sum();
            case PACKET_TOO_LARGE -> oversizeDrops.sum();
            case SLOW_CONSUMER -> slowConsumerDrops.sum();
        };
    }

    @Override
    public long expiredSessions() {
        return expiredSessions.sum();
    }

    @Override
    public long sessions() {
        return sessions.sum();
    }

    @Override
    public long queuedMessages() {
        return queued.sum();
    }

    @Override
    public long inflightMessages() {
        return inflight.sum();
    }

    @Override
    public long retainedMessages() {
        return retainedCount.getAsLong();
    }

    @Override
    public MemoryBudget memory() {
        return memory;
    }

    @Override
    public long subscriptions() {
        return subscriptionCount.getAsLong();
    }

    @Override
    public int sessionThreads() {
        return owners.threads();
    }

    @Override
    public long clientIdsOwned(int thread) {
        return owners.owned(thread);
    }
}
