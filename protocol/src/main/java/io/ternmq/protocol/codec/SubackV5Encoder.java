package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.AckProperties;
import java.util.List;

/** SUBACK and UNSUBACK of MQTT 5 (3.9, 3.11): packet identifier, properties, one reason code per filter. */
final class SubackV5Encoder {

    static final int SUBACK_FIRST_BYTE = 0x90;
    static final int UNSUBACK_FIRST_BYTE = 0xB0;

    private SubackV5Encoder() {
    }

    static int remainingLength(int packetId, List<Integer> reasonCodes, AckProperties properties) {
        FieldWriter.requireUnsignedShort(packetId, "packet identifier");
        for (int code : reasonCodes) {
            if (code < 0 || code > 0xFF) {
                throw new IllegalArgumentException("reason code " + code + " does not fit in a byte");
            }
        }
        return PacketEncoder.requireRemainingLength(2L + PropertyEmitter.fieldSize(properties) + reasonCodes.size());
    }

    static void encode(int firstByte, int packetId, List<Integer> reasonCodes, AckProperties properties,
                       ByteBuf out) {
        FixedHeader.write(out, firstByte, remainingLength(packetId, reasonCodes, properties));
        out.writeShort(packetId);
        PropertyEmitter.write(out, properties);
        for (int code : reasonCodes) {
            out.writeByte(code);
        }
    }
}
