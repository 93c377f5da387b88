package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Unsubscribe;

/** UNSUBSCRIBE of MQTT 5 (3.10): flags 0010 [MQTT-3.10.1-1], packet identifier, properties, filters. */
final class UnsubscribeV5Encoder {

    private static final int FIRST_BYTE = 0xA2;

    private UnsubscribeV5Encoder() {
    }

    static int remainingLength(Unsubscribe p) {
        FieldWriter.requireUnsignedShort(p.packetId(), "packet identifier");
        long length = 2 + PropertyEmitter.fieldSize(p.properties());
        for (String filter : p.topicFilters()) {
            length += FieldWriter.stringSize(filter, "topic filter");
        }
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Unsubscribe p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeShort(p.packetId());
        PropertyEmitter.write(out, p.properties());
        for (String filter : p.topicFilters()) {
            FieldWriter.writeString(out, filter);
        }
    }
}
