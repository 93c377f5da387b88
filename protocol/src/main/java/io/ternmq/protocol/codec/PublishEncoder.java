package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.Qos;

/** PUBLISH (3.3): topic, packet identifier when QoS > 0 [MQTT-2.3.1-5], payload. */
final class PublishEncoder {

    private PublishEncoder() {
    }

    static int remainingLength(Publish p) {
        return remainingLength(p, TopicBytes.of(p.topic()).length);
    }

    private static int remainingLength(Publish p, int topicBytes) {
        long length = 2 + topicBytes + (long) p.payload().length;
        if (p.qos() != Qos.AT_MOST_ONCE) {
            FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
            length += 2;
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Publish p, ByteBuf out) {
        int firstByte = 0x30 | (p.dup() ? 0x08 : 0) | p.qos().value() << 1 | (p.retain() ? 0x01 : 0);
        byte[] topic = TopicBytes.of(p.topic());
        FixedHeader.write(out, firstByte, remainingLength(p, topic.length));
        out.writeShort(topic.length);
        out.writeBytes(topic);
        if (p.qos() != Qos.AT_MOST_ONCE) {
            out.writeShort(p.packetId());
        }
        out.writeBytes(p.payload());
    }
}
