package io.ternmq.core;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;

/** How long a session lives: the CleanSession flag of the CONNECT that created it. */
enum SessionLifetime {
    /** CleanSession=1: discarded when the connection ends [MQTT-3.1.2-6]. */
    CONNECTION,
    /** CleanSession=0: kept while the client is away [MQTT-3.1.2-4] [MQTT-3.1.2-5]. */
    PERSISTENT;

    /**
     * What {@code connect} asks for. 3.1.1: Clean Session 0 keeps the session after the connection. 5.0: a Session
     * Expiry Interval above 0 does [MQTT-3.1.2-23]; absent or 0, the session ends with the network connection.
     */
    static SessionLifetime requestedBy(Connect connect) {
        if (connect.version() == ProtocolVersion.MQTT_5) {
            Long expiry = connect.properties().sessionExpiryInterval();
            return expiry != null && expiry > 0 ? PERSISTENT : CONNECTION;
        }
        return connect.cleanSession() ? CONNECTION : PERSISTENT;
    }
}
