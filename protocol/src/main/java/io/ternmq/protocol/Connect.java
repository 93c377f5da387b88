package io.ternmq.protocol;

import org.jspecify.annotations.Nullable;

/**
 * CONNECT (3.1). {@code clientId} is empty when the client sent a zero-length identifier. {@code cleanSession}
 * is the clean start flag in MQTT 5; {@code properties} is empty before MQTT 5.
 */
public record Connect(ProtocolVersion version, String clientId, boolean cleanSession, int keepAliveSeconds,
                      @Nullable String username, byte @Nullable [] password, @Nullable Will will,
                      ConnectProperties properties)
        implements MqttPacket {

    /** A CONNECT without MQTT 5 properties. */
    public Connect(ProtocolVersion version, String clientId, boolean cleanSession, int keepAliveSeconds,
                   @Nullable String username, byte @Nullable [] password, @Nullable Will will) {
        this(version, clientId, cleanSession, keepAliveSeconds, username, password, will, ConnectProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.CONNECT;
    }
}
