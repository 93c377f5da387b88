package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Pubrel;

/** PUBREL: a packet identifier and nothing else. Its flags are 0010 [MQTT-3.6.1-1]. */
final class PubrelEncoder {

    static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x62;

    private PubrelEncoder() {
    }

    static void encode(Pubrel p, ByteBuf out) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        FixedHeader.write(out, FIRST_BYTE, REMAINING_LENGTH);
        out.writeShort(p.packetId());
    }
}
