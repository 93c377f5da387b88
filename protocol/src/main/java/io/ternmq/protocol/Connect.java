package io.ternmq.protocol;

import org.jspecify.annotations.Nullable;

/** CONNECT (3.1). {@code clientId} is empty when the client sent a zero-length identifier. */
public record Connect(ProtocolVersion version, String clientId, boolean cleanSession, int keepAliveSeconds,
                      @Nullable String username, byte @Nullable [] password, @Nullable Will will)
        implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.CONNECT;
    }
}
