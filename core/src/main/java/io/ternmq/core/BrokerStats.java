package io.ternmq.core;

import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.Qos;

/** Read-only counters of broker activity. Every method is cheap and callable from any thread. */
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

    /** Times a publisher stopped being read because a session thread its messages go to was behind. */
    long backlogPauses();

    /** Publishers' sessions moved to the session thread whose IO loop reads their connection since balancing. */
    long sessionMoves();

    /** CONNECTs answered with a non-zero CONNACK return code. */
    long refusedConnections();

    /** CONNECTs answered with {@code code} (ACCEPTED counts successful connects). */
    long connects(ConnectReturnCode code);

    /** Connections of connected clients that ended for {@code reason}. */
    long disconnects(DisconnectReason reason);

    /** PUBLISH packets received from clients with {@code qos} (resends included). */
    long publishesReceived(Qos qos);

    /** Messages not delivered for {@code reason}. */
    long drops(DropReason reason);

    /** Sessions discarded because their session expiry interval ran out (MQTT 5) [MQTT-4.1.0-2]. */
    long expiredSessions();

    /** Sessions the broker holds: connected clients plus persistent sessions of offline clients. */
    long sessions();

    /** QoS 1/2 messages waiting in session queues, over all sessions. */
    long queuedMessages();

    /** QoS 1/2 messages sent and not yet acknowledged, over all sessions. */
    long inflightMessages();

    /** Topics with a retained message. */
    long retainedMessages();

    /** The memory budget: bytes held for clients, the limits, headroom, publisher pauses. */
    MemoryBudget memory();

    /** Subscriptions (one per session and topic filter). */
    long subscriptions();

    /** How many session threads there are. */
    int sessionThreads();

    /**
     * Client ids session thread {@code thread} owns: connected, connecting, or with an offline session. How evenly
     * the threads share the clients.
     */
    long clientIdsOwned(int thread);
}
