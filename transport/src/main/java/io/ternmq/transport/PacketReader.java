package io.ternmq.transport;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.MqttPacket;
import io.ternmq.protocol.ProtocolVersion;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one packet from accumulated input, with the contract of
 * {@link io.ternmq.protocol.codec.PacketDecoder#decode}: null and nothing consumed when more bytes are needed.
 * A seam so that the framing handler can be tested without the codec.
 */
@FunctionalInterface
interface PacketReader {

    @Nullable MqttPacket read(ByteBuf in, ProtocolVersion version);
}
