package io.ternmq.transport;

import io.ternmq.protocol.PacketType;

/** Read-only traffic counters of every listener together; cheap and callable from any thread. */
public interface TransportStats {

    /** Bytes read from client sockets, malformed input included. */
    long bytesReceived();

    /** Bytes of encoded packets written to client sockets. */
    long bytesSent();

    long packetsReceived(PacketType type);

    long packetsSent(PacketType type);

    /** Open client connections, before and after CONNECT. */
    long openConnections();

    /** Open client connections that have not delivered their CONNECT yet. */
    long pendingConnects();

    /** Connections closed at accept because {@code maxPendingConnects} connections were waiting for CONNECT. */
    long refusedPendingConnects();

    /** Connections the IO loop balancer (sessions.balance_io_threads) moved from one IO thread to another. */
    long connectionMoves();

    /** Direct memory held by Netty's default buffer allocator (the one every channel uses); -1 if unknown. */
    long usedDirectBufferMemory();

    /** Heap memory held by Netty's default buffer allocator; -1 if unknown. */
    long usedHeapBufferMemory();
}
