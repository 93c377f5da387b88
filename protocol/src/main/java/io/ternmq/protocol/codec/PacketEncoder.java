package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;

/** Writes packets. Stateless, so one instance serves every connection. */
public final class PacketEncoder {

    /** The exact number of bytes {@link #encode} writes for this packet. */
    public int encodedSize(MqttPacket packet, ProtocolVersion version) {
        throw new UnsupportedOperationException("codec not written yet");
    }

    /** Writes the whole packet, fixed header included, to {@code out}. */
    public void encode(MqttPacket packet, ProtocolVersion version, ByteBuf out) {
        throw new UnsupportedOperationException("codec not written yet");
    }
}
