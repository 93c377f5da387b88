package io.ternmq.core;

import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.ProtocolVersion;

/**
 * What an MQTT 5 client's CONNECT allows the broker to send it on this connection (3.1.2.11): at most
 * {@code receiveMaximum} unacknowledged QoS 1/2 PUBLISHes [MQTT-3.3.4-9], no packet beyond {@code packetSize}
 * [MQTT-3.1.2-24], topic aliases up to {@code topicAliasMaximum} (0: none [MQTT-3.1.2-27]). Absent properties take
 * the spec's defaults: 65535, no limit, 0. A 3.1.1 client has none of these limits.
 */
record ClientLimits(int receiveMaximum, PacketSizeLimit packetSize, int topicAliasMaximum) {

    /** The spec's Receive Maximum when the CONNECT has none (3.1.2.11.3). */
    static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    static final ClientLimits NONE = new ClientLimits(DEFAULT_RECEIVE_MAXIMUM, PacketSizeLimit.NONE, 0);

    static ClientLimits of(Connect connect) {
        if (connect.version() != ProtocolVersion.MQTT_5) {
            return NONE;
        }
        ConnectProperties p = connect.properties();
        Integer receiveMaximum = p.receiveMaximum();
        Integer topicAliasMaximum = p.topicAliasMaximum();
        return new ClientLimits(receiveMaximum == null ? DEFAULT_RECEIVE_MAXIMUM : receiveMaximum,
                PacketSizeLimit.of(p.maximumPacketSize()), topicAliasMaximum == null ? 0 : topicAliasMaximum);
    }
}
