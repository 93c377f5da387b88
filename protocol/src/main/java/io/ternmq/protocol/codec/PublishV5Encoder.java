package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;

/**
 * PUBLISH of MQTT 5 (3.3): topic, packet identifier when QoS > 0 [MQTT-2.2.1-2], properties, payload. A
 * PUBLISH without properties (the common case) takes a one-byte property length and no measuring.
 */
final class PublishV5Encoder {

    private PublishV5Encoder() {
    }

    static int remainingLength(Publish p) {
        long length = FieldWriter.stringSize(p.topic(), "topic name") + (long) p.payload().length
                + propertiesFieldSize(p.properties());
        if (p.qos() != Qos.AT_MOST_ONCE) {
            FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
            length += 2;
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Publish p, ByteBuf out) {
        int firstByte = 0x30 | (p.dup() ? 0x08 : 0) | p.qos().value() << 1 | (p.retain() ? 0x01 : 0);
        FixedHeader.write(out, firstByte, remainingLength(p));
        FieldWriter.writeString(out, p.topic());
        if (p.qos() != Qos.AT_MOST_ONCE) {
            out.writeShort(p.packetId());
        }
        if (p.properties() == PublishProperties.EMPTY) {
            out.writeByte(0); // [MQTT-2.2.2-1]
        } else {
            PropertyEmitter.write(out, p.properties());
        }
        out.writeBytes(p.payload());
    }

    private static int propertiesFieldSize(PublishProperties properties) {
        return properties == PublishProperties.EMPTY ? 1 : PropertyEmitter.fieldSize(properties);
    }
}
