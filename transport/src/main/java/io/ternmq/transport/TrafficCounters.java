package io.ternmq.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.ternmq.core.StripedCounter;
import io.ternmq.protocol.PacketType;

import java.util.function.LongSupplier;

/**
 * The transport's counters, shared by every connection: {@link StripedCounter}s indexed by packet type, so
 * counting a packet on an IO thread allocates nothing, takes no lock and writes no cache line another IO thread
 * writes.
 */
final class TrafficCounters implements TransportStats {

    private final StripedCounter bytesReceived = new StripedCounter();
    private final StripedCounter bytesSent = new StripedCounter();
    private final StripedCounter[] packetsReceived = counters();
    private final StripedCounter[] packetsSent = counters();
    private final LongSupplier openConnections;
    private final PendingConnects pendingConnects;
    private final LongSupplier connectionMoves;

    TrafficCounters(LongSupplier openConnections) {
        this(openConnections, new PendingConnects(0, System::nanoTime), () -> 0);
    }

    TrafficCounters(LongSupplier openConnections, PendingConnects pendingConnects, LongSupplier connectionMoves) {
        this.openConnections = openConnections;
        this.pendingConnects = pendingConnects;
        this.connectionMoves = connectionMoves;
    }

    private static StripedCounter[] counters() {
        StripedCounter[] counters = new StripedCounter[PacketType.values().length];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new StripedCounter();
        }
        return counters;
    }

    void received(int bytes) {
        bytesReceived.add(bytes);
    }

    void received(PacketType type) {
        packetsReceived[type.ordinal()].increment();
    }

    void sent(PacketType type, int bytes) {
        packetsSent[type.ordinal()].increment();
        bytesSent.add(bytes);
    }

    @Override
    public long bytesReceived() {
        return bytesReceived.sum();
    }

    @Override
    public long bytesSent() {
        return bytesSent.sum();
    }

    @Override
    public long packetsReceived(PacketType type) {
        return packetsReceived[type.ordinal()].sum();
    }

    @Override
    public long packetsSent(PacketType type) {
        return packetsSent[type.ordinal()].sum();
    }

    @Override
    public long openConnections() {
        return openConnections.getAsLong();
    }

    @Override
    public long pendingConnects() {
        return pendingConnects.pending();
    }

    @Override
    public long refusedPendingConnects() {
        return pendingConnects.refused();
    }

    @Override
    public long connectionMoves() {
        return connectionMoves.getAsLong();
    }

    @Override
    public long usedDirectBufferMemory() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                ? provider.metric().usedDirectMemory() : -1;
    }

    @Override
    public long usedHeapBufferMemory() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                ? provider.metric().usedHeapMemory() : -1;
    }
}
