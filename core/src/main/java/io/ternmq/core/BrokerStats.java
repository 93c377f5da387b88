package io.ternmq.core;

/** Read-only counters of broker activity. */
public interface BrokerStats {

    long connectedClients();

    long messagesReceived();

    long messagesSent();

    /** Connections closed because of a malformed packet or a protocol violation. */
    long protocolViolations();

    /** QoS 1/2 messages dropped because a session's queue was full. */
    long queueOverflowDrops();

    /** PUBLISH packets (wills included) the authorizer refused; acknowledged but not routed. */
    long unauthorizedPublishes();

    /** CONNECTs answered with a non-zero CONNACK return code. */
    long refusedConnections();
}
