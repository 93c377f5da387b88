package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import org.jspecify.annotations.Nullable;

/**
 * Reads whole packets from a stream of bytes. Stateless apart from its limit, so one instance serves every
 * connection.
 */
public final class PacketDecoder {

    private final int maxPacketSize;

    /** @param maxPacketSize the largest whole packet (fixed header included) accepted, in bytes */
    public PacketDecoder(int maxPacketSize) {
        this.maxPacketSize = maxPacketSize;
    }

    /**
     * Decodes one packet if all its bytes are readable, consuming exactly them; returns null and leaves the
     * reader index unchanged when more bytes are needed. A packet larger than the maximum is rejected as soon
     * as its remaining length is known, before its body arrives. The returned packet holds no reference to
     * {@code in}.
     *
     * @param version the connection's protocol version; before CONNECT, {@link ProtocolVersion#MQTT_3_1_1}
     * @throws io.ternmq.protocol.MalformedPacketException on malformed input or a packet that is too large
     */
    public @Nullable MqttPacket decode(ByteBuf in, ProtocolVersion version) {
        throw new UnsupportedOperationException("codec not written yet: " + maxPacketSize);
    }
}
