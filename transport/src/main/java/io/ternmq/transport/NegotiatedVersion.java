package io.ternmq.transport;

import io.ternmq.protocol.ProtocolVersion;

/**
 * The protocol version of one connection, shared by its decoder (which learns it from CONNECT) and its encoder.
 * Both run on the connection's IO thread, so a plain field suffices. Until CONNECT arrives the version is
 * 3.1.1: the CONNECT itself decodes the same way in every version up to its protocol level.
 */
final class NegotiatedVersion {

    private ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    private boolean fixed;

    ProtocolVersion get() {
        return version;
    }

    /** Takes the version of the first CONNECT only; a second CONNECT is a protocol violation the core handles. */
    void fixFromConnect(ProtocolVersion connectVersion) {
        if (!fixed) {
            version = connectVersion;
            fixed = true;
        }
    }
}
