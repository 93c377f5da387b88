package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connack;

/** CONNACK of MQTT 5 (3.2): acknowledge flags, reason code, properties (always with their length). */
final class ConnackV5Encoder {

    private static final int FIRST_BYTE = 0x20;

    private ConnackV5Encoder() {
    }

    static int remainingLength(Connack p) {
        if (p.returnCode() < 0 || p.returnCode() > 0xFF) {
            throw new IllegalArgumentException("CONNACK reason code " + p.returnCode() + " does not fit in a byte");
        }
        return PacketEncoder.requireRemainingLength(2L + PropertyEmitter.fieldSize(p.properties()));
    }

    static void encode(Connack p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeByte(p.sessionPresent() ? 1 : 0);
        out.writeByte(p.returnCode());
        PropertyEmitter.write(out, p.properties()); // [MQTT-2.2.2-1]
    }
}
