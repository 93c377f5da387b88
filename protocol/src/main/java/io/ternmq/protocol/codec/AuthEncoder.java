package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Auth;
import io.ternmq.protocol.ReasonCode;

/**
 * AUTH (MQTT 5 only, 3.15): nothing after the fixed header for success without properties (3.15.2.1), else
 * reason code and properties (with their length, even when empty).
 */
final class AuthEncoder {

    private static final int FIRST_BYTE = 0xF0;

    private AuthEncoder() {
    }

    static int remainingLength(Auth p) {
        if (p.reasonCode() == ReasonCode.SUCCESS && p.properties().isEmpty()) {
            return 0;
        }
        return PacketEncoder.requireRemainingLength(1L + PropertyEmitter.fieldSize(p.properties()));
    }

    static void encode(Auth p, ByteBuf out) {
        int remainingLength = remainingLength(p);
        FixedHeader.write(out, FIRST_BYTE, remainingLength);
        if (remainingLength > 0) {
            out.writeByte(p.reasonCode().value());
            PropertyEmitter.write(out, p.properties());
        }
    }
}
