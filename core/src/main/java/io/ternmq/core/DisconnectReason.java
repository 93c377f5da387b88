package io.ternmq.core;

import io.ternmq.protocol.ReasonCode;
import org.jspecify.annotations.Nullable;

/**
 * Why a connected client's connection ended: the label of the disconnect counter and of the log line, and for an
 * ending the server decides, the reason code of the DISCONNECT an MQTT 5 client gets first [MQTT-3.14.0-1]. Null
 * when the client ended it (it sent DISCONNECT, or the network is gone): nothing is sent then [MQTT-3.14.4-1].
 */
public enum DisconnectReason {
    /** The client sent DISCONNECT. */
    CLIENT_DISCONNECT(null),
    /** The network connection closed without a DISCONNECT. */
    CONNECTION_LOST(null),
    /** Nothing arrived for one and a half keep-alive periods [MQTT-3.1.2-24]. */
    KEEP_ALIVE_TIMEOUT(ReasonCode.KEEP_ALIVE_TIMEOUT),
    /** A malformed packet or a protocol violation [MQTT-4.8.0-1]; the exact 5.0 code is given where it is raised. */
    PROTOCOL_VIOLATION(ReasonCode.PROTOCOL_ERROR),
    /** A new connection with the same client id took the session over [MQTT-3.1.4-2]. */
    TAKEN_OVER(ReasonCode.SESSION_TAKEN_OVER),
    /** An operator closed the connection through the admin API. */
    ADMIN_KICK(ReasonCode.ADMINISTRATIVE_ACTION),
    /** Handling a packet failed inside the broker [MQTT-4.8.0-2]. */
    INTERNAL_ERROR(ReasonCode.UNSPECIFIED_ERROR),
    /** The broker is stopping. */
    SERVER_SHUTTING_DOWN(ReasonCode.SERVER_SHUTTING_DOWN),
    /** A re-authentication (MQTT 5 AUTH 0x19) was refused [MQTT-4.12.1-2]. */
    REAUTHENTICATION_FAILED(ReasonCode.NOT_AUTHORIZED);

    private final @Nullable ReasonCode mqtt5Code;

    DisconnectReason(@Nullable ReasonCode mqtt5Code) {
        this.mqtt5Code = mqtt5Code;
    }

    /** The reason code an MQTT 5 client is told, or null when the server sends no DISCONNECT. */
    public @Nullable ReasonCode mqtt5Code() {
        return mqtt5Code;
    }
}
