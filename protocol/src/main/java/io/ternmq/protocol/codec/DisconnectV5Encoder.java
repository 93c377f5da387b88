package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Disconnect;
import io.ternmq.protocol.ReasonCode;

/**
 * DISCONNECT of MQTT 5 (3.14) in the shortest form: nothing for a normal disconnection without properties,
 * the reason code alone without properties (3.14.2.1), else reason code and properties.
 */
final class DisconnectV5Encoder {

    private static final int FIRST_BYTE = 0xE0;

    private DisconnectV5Encoder() {
    }

    static int remainingLength(Disconnect p) {
        if (p.properties().isEmpty()) {
            return p.reasonCode() == ReasonCode.SUCCESS ? 0 : 1;
        }
        return PacketEncoder.requireRemainingLength(1L + PropertyEmitter.fieldSize(p.properties()));
    }

    static void encode(Disconnect p, ByteBuf out) {
        int remainingLength = remainingLength(p);
        FixedHeader.write(out, FIRST_BYTE, remainingLength);
        if (remainingLength > 0) {
            out.writeByte(p.reasonCode().value());
        }
        if (remainingLength > 1) {
            PropertyEmitter.write(out, p.properties());
        }
    }
}
