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
}
