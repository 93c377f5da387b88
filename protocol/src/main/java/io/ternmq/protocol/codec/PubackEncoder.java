package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Puback;

/** PUBACK: a packet identifier and nothing else. */
final class PubackEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x40;

    private PubackEncoder() {
    }

    static int remainingLength(Puback p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        return REMAINING_LENGTH;
    }

    static void encode(Puback p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
    }
}
