package io.ternmq.transport;

import java.time.Duration;

/**
 * Settings shared by every listener.
 *
 * @param maxPacketSize  the largest whole packet accepted, fixed header included, in bytes
 * @param connectTimeout how long a new connection may take to deliver its CONNECT; {@link Duration#ZERO} waits forever
 * @param ioThreads      Netty worker threads that read, decode, encode and write
 * @param maxConnections connections held at once over all listeners; 0 means unlimited
 * @param maxPendingConnects connections over all listeners that have not delivered their CONNECT yet; more are
 *                       closed at accept; 0 means unlimited
 */
public record TransportConfig(int maxPacketSize, Duration connectTimeout, int ioThreads, int maxConnections,
                              int maxPendingConnects) {

    /** The protocol maximum: a remaining length of 268,435,455 plus a 5-byte fixed header. */
    public static final int PROTOCOL_MAX_PACKET_SIZE = 268_435_460;

    /** The smallest packet there is: a fixed header with remaining length 0 (e.g. PINGREQ). */
    public static final int MIN_PACKET_SIZE = 2;

    public TransportConfig {
        if (maxPacketSize < MIN_PACKET_SIZE || maxPacketSize > PROTOCOL_MAX_PACKET_SIZE) {
            throw new IllegalArgumentException("maxPacketSize must be " + MIN_PACKET_SIZE + ".."
                    + PROTOCOL_MAX_PACKET_SIZE + ", was " + maxPacketSize);
        }
        if (connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must not be negative, was " + connectTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1, was " + ioThreads);
        }
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must not be negative, was " + maxConnections);
        }
        if (maxPendingConnects < 0) {
            throw new IllegalArgumentException("maxPendingConnects must not be negative, was " + maxPendingConnects);
        }
    }

    /** No cap on connections waiting for CONNECT (the connect timeout still applies). */
    public TransportConfig(int maxPacketSize, Duration connectTimeout, int ioThreads, int maxConnections) {
        this(maxPacketSize, connectTimeout, ioThreads, maxConnections, 0);
    }

    /** No global connection limit. */
    public TransportConfig(int maxPacketSize, Duration connectTimeout, int ioThreads) {
        this(maxPacketSize, connectTimeout, ioThreads, 0);
    }

    public static TransportConfig defaults() {
        return new TransportConfig(PROTOCOL_MAX_PACKET_SIZE, Duration.ofSeconds(10),
                Runtime.getRuntime().availableProcessors());
    }
}
