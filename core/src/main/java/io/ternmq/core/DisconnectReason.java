package io.ternmq.core;

/** Why a connected client's connection ended: the label of the disconnect counter and of the log line. */
public enum DisconnectReason {
    /** The client sent DISCONNECT. */
    CLIENT_DISCONNECT,
    /** The network connection closed without a DISCONNECT. */
    CONNECTION_LOST,
    /** Nothing arrived for one and a half keep-alive periods [MQTT-3.1.2-24]. */
    KEEP_ALIVE_TIMEOUT,
    /** A malformed packet or a protocol violation [MQTT-4.8.0-1]. */
    PROTOCOL_VIOLATION,
    /** A new connection with the same client id took the session over [MQTT-3.1.4-2]. */
    TAKEN_OVER,
    /** An operator closed the connection through the admin API. */
    ADMIN_KICK,
    /** Handling a packet failed inside the broker [MQTT-4.8.0-2]. */
    INTERNAL_ERROR,
    /** The client read too slowly: its memory budget was exceeded and its slow-consumer policy is disconnect. */
    SLOW_CONSUMER
}
