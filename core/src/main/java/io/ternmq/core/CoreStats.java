package io.ternmq.core;

import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Qos;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The broker's counters: LongAdders, because every session thread bumps them on the hot path (an increment
 * allocates nothing and takes no lock). Gauges that a structure already knows (retained, subscriptions) are read
 * from it instead.
 */
final class CoreStats implements BrokerStats {

    final LongAdder connectedClients = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder protocolViolations = new LongAdder();
    final LongAdder queueOverflowDrops = new LongAdder();
    final LongAdder unauthorizedPublishes = new LongAdder();
    final LongAdder refusedConnections = new LongAdder();
    final LongAdder noSubscriberDrops = new LongAdder();
    final LongAdder offlineDrops = new LongAdder();
    final LongAdder oversizeDrops = new LongAdder();
    final LongAdder sessions = new LongAdder();
    final LongAdder queued = new LongAdder();
    final LongAdder inflight = new LongAdder();
    final OutboundFlow.Totals flowTotals = new OutboundFlow.Totals(queued, inflight);
    private final LongAdder[] connects = adders(ConnectReturnCode.values().length);
    private final LongAdder[] disconnects = adders(DisconnectReason.values().length);
    private final LongAdder[] publishesReceived = adders(Qos.values().length);
    private final LongSupplier retainedCount;
    private final LongSupplier subscriptionCount;

    CoreStats(LongSupplier retainedCount, LongSupplier subscriptionCount) {
        this.retainedCount = retainedCount;
        this.subscriptionCount = subscriptionCount;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
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
            case PACKET_TOO_LARGE -> oversizeDrops.sum();
        };
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
    public long subscriptions() {
        return subscriptionCount.getAsLong();
    }
}
