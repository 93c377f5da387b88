package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubrel;

/** PUBREL: a packet identifier and nothing else. Its flags are 0010 [MQTT-3.6.1-1]. */
final class PubrelEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x62;

    private PubrelEncoder() {
    }

    static int remainingLength(Pubrel p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        return REMAINING_LENGTH;
    }

    static void encode(Pubrel p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
    }
}
