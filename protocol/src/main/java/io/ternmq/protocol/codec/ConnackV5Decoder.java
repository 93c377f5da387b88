package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnackProperties;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ReasonCodes;

/** CONNACK of MQTT 5 (3.2): acknowledge flags, reason code, properties. */
final class ConnackV5Decoder {

    private ConnackV5Decoder() {
    }

    static Connack decode(int flags, ByteBuf in, int end) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.CONNACK, flags, 0); // [MQTT-2.1.3-1]
        }
        int acknowledgeFlags = FieldReader.readUnsignedByte(in, end, "connect acknowledge flags");
        if ((acknowledgeFlags & 0xFE) != 0) {
            throw Malformed.packet("CONNACK acknowledge flags bits 7-1 are reserved and must be 0"); // [MQTT-3.2.2-1]
        }
        int reasonCode = FieldReader.readUnsignedByte(in, end, "connect reason code");
        if (!ReasonCodes.allowedIn(PacketType.CONNACK, reasonCode)) {
            throw Malformed.packet("CONNACK reason code " + reasonCode + " is not defined"); // [MQTT-3.2.2-8]
        }
        boolean sessionPresent = acknowledgeFlags == 1;
        if (sessionPresent && reasonCode != 0) {
            throw Malformed.packet("CONNACK with reason code " + reasonCode
                    + " has session present 1"); // [MQTT-3.2.2-6]
        }
        ConnackProperties properties = PropertyRecords.connack(in, end); // [MQTT-2.2.2-1]
        return new Connack(sessionPresent, reasonCode, properties);
    }
}
