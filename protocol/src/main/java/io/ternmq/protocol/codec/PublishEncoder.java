package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;

/** PUBLISH (3.3): topic, packet identifier when QoS > 0 [MQTT-2.3.1-5], payload. */
final class PublishEncoder {

    private PublishEncoder() {
    }

    static int remainingLength(Publish p) {
        return remainingLength(p, Utf8.encodedLength(p.topic(), "topic name"));
    }

    private static int remainingLength(Publish p, int topicBytes) {
        long length = 2 + topicBytes + (long) p.payload().length;
        if (p.qos() != Qos.AT_MOST_ONCE) {
            FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
            length += 2;
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    /**
     * The topic is measured (and checked) once and then written: a fan-out encodes the same topic once per
     * subscriber, and the passes over its characters were the top self-time frame of the IO thread.
     */
    static void encode(Publish p, ByteBuf out) {
        int firstByte = 0x30 | (p.dup() ? 0x08 : 0) | p.qos().value() << 1 | (p.retain() ? 0x01 : 0);
        int topicBytes = Utf8.encodedLength(p.topic(), "topic name");
        FixedHeader.write(out, firstByte, remainingLength(p, topicBytes));
        out.writeShort(topicBytes);
        // Reserving exactly the UTF-8 length keeps exactly sized buffers from growing (writeUtf8 reserves 3x).
        ByteBufUtil.reserveAndWriteUtf8(out, p.topic(), topicBytes);
        if (p.qos() != Qos.AT_MOST_ONCE) {
            out.writeShort(p.packetId());
        }
        out.writeBytes(p.payload());
    }
}
