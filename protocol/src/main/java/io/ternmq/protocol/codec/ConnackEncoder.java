package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ProtocolVersion;

/** CONNACK (3.2): session present flag (not in 3.1, where the byte is unused), then the return code. */
final class ConnackEncoder {

    private static final int REMAINING_LENGTH = 2;
    private static final int FIRST_BYTE = 0x20;

    private ConnackEncoder() {
    }

    static int remainingLength(Connack p) {
        if (p.returnCode() < 0 || p.returnCode() > 0xFF) {
            throw new IllegalArgumentException("CONNACK return code " + p.returnCode() + " does not fit in a byte");
        }
        return REMAINING_LENGTH;
    }

    static void encode(Connack p, ProtocolVersion version, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        out.writeByte(p.sessionPresent() && version != ProtocolVersion.MQTT_3_1 ? 1 : 0);
        out.writeByte(p.returnCode());
    }
}
