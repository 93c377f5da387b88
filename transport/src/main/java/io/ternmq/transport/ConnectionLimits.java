package io.ternmq.transport;

/**
 * How many connections a listener holds at once and how many it accepts per second; 0 means unlimited.
 * Connections over either limit are closed right after accept, before any byte is read.
 */
public record ConnectionLimits(int maxConnections, int maxConnectionsPerSecond) {

    public static final ConnectionLimits UNLIMITED = new ConnectionLimits(0, 0);

    public ConnectionLimits {
        if (maxConnections < 0) {
            throw new IllegalArgumentException("maxConnections must not be negative, was " + maxConnections);
        }
        if (maxConnectionsPerSecond < 0) {
            throw new IllegalArgumentException("maxConnectionsPerSecond must not be negative, was "
                    + maxConnectionsPerSecond);
        }
    }
}
