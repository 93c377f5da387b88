package io.ternmq.core;

import java.util.concurrent.atomic.LongAdder;

/** The broker's counters: LongAdders, because every session thread bumps them on the hot path. */
final class CoreStats implements BrokerStats {

    final LongAdder connectedClients = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder protocolViolations = new LongAdder();
    final LongAdder queueOverflowDrops = new LongAdder();
    final LongAdder unauthorizedPublishes = new LongAdder();
    final LongAdder refusedConnections = new LongAdder();

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
}
