package io.ternmq.core;

import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A snapshot of one client's session for operators, taken on the session's owner thread.
 *
 * @param persistent    whether the session outlives its connection (CleanSession = 0)
 * @param connection    the current connection, or null while the client is offline
 * @param overflowDrops QoS 1/2 messages dropped because this session's queue was full
 * @param memory        its memory budget, slow-consumer policy and what that policy dropped
 */
public record ClientInfo(String clientId, boolean persistent, @Nullable Connected connection,
                         List<Subscription> subscriptions, int queuedMessages, int inflightMessages,
                         long overflowDrops, ClientMemoryInfo memory) {

    public ClientInfo {
        subscriptions = List.copyOf(subscriptions);
    }

    /** Without memory figures (a session that holds nothing). */
    public ClientInfo(String clientId, boolean persistent, @Nullable Connected connection,
                      List<Subscription> subscriptions, int queuedMessages, int inflightMessages,
                      long overflowDrops) {
        this(clientId, persistent, connection, subscriptions, queuedMessages, inflightMessages, overflowDrops,
                ClientMemoryInfo.empty(MemoryLimits.DEFAULT_CLIENT_BYTES));
    }

    /**
     * What the client's current connection said in its CONNECT, and when it was accepted.
     *
     * @param protocolVersion e.g. "3.1.1"
     * @param connectedSince  wall-clock epoch milliseconds of the CONNACK
     */
    public record Connected(String address, String protocolVersion, @Nullable String username,
                            int keepAliveSeconds, long connectedSince, String listener) {
    }

    /** One of the session's subscriptions with the QoS granted to it. */
    public record Subscription(String topicFilter, Qos qos) {
    }
}
