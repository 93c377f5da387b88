package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Suback;

/** SUBACK (3.9): packet identifier, then one return code byte per filter, in order [MQTT-3.9.3-1]. */
final class SubackEncoder {

    private static final int FIRST_BYTE = 0x90;

    private SubackEncoder() {
    }

    static int remainingLength(Suback p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        int length = PacketEncoder.requireRemainingLength(2L + p.returnCodes().size());
        for (int code : p.returnCodes()) {
            if (code < 0 || code > 0xFF) {
                throw new IllegalArgumentException("SUBACK return code " + code + " does not fit in a byte");
            }
        }
        return length;
    }

    static void encode(Suback p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
        for (int code : p.returnCodes()) {
            out.writeByte(code);
        }
    }
}
