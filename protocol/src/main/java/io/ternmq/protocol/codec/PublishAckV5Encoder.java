package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.AckProperties;
import io.ternmq.protocol.ReasonCode;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP of MQTT 5 (3.4 to 3.7), in the shortest form: the packet identifier
 * alone for success without properties, plus the reason code when there are no properties (3.4.2.1), else
 * packet identifier, reason code and properties.
 */
final class PublishAckV5Encoder {

    private PublishAckV5Encoder() {
    }

    static int remainingLength(int packetId, ReasonCode reasonCode, AckProperties properties) {
        FieldWriter.requireUnsignedShort(packetId, "packet identifier");
        if (properties.isEmpty()) {
            return reasonCode == ReasonCode.SUCCESS ? 2 : 3;
        }
        return PacketEncoder.requireRemainingLength(3L + PropertyEmitter.fieldSize(properties));
    }

    static void encode(int firstByte, int packetId, ReasonCode reasonCode, AckProperties properties, ByteBuf out) {
        int remainingLength = remainingLength(packetId, reasonCode, properties);
        FixedHeader.write(out, firstByte, remainingLength);
        out.writeShort(packetId);
        if (remainingLength > 2) {
            out.writeByte(reasonCode.value());
        }
        if (remainingLength > 3) {
            PropertyEmitter.write(out, properties);
        }
    }
}
