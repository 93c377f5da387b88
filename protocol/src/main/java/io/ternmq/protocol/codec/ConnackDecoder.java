package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connack;
import io.ternmq.protocol.ConnectReturnCode;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;

/** CONNACK (3.2): acknowledge flags, then the return code. */
final class ConnackDecoder {

    private static final int HIGHEST_RETURN_CODE = ConnectReturnCode.NOT_AUTHORIZED.value();

    private ConnackDecoder() {
    }

    static Connack decode(int flags, ByteBuf in, int end, ProtocolVersion version) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.CONNACK, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        int acknowledgeFlags = FieldReader.readUnsignedByte(in, end, "connect acknowledge flags");
        int returnCode = FieldReader.readUnsignedByte(in, end, "connect return code");
        if (returnCode > HIGHEST_RETURN_CODE) {
            throw Malformed.packet("CONNACK return code " + returnCode + " is reserved"); // 3.2.2.3: 6..255 reserved
        }
        if (version == ProtocolVersion.MQTT_3_1) {
            return new Connack(false, returnCode); // 3.1 has no session present flag: the byte is unused
        }
        if ((acknowledgeFlags & 0xFE) != 0) {
            throw Malformed.packet("CONNACK acknowledge flags bits 7-1 are reserved and must be 0"); // 3.2.2.1
        }
        boolean sessionPresent = acknowledgeFlags == 1;
        if (sessionPresent && returnCode != 0) {
            // [MQTT-3.2.2-4]
            throw Malformed.packet("CONNACK with return code " + returnCode + " has session present 1");
        }
        return new Connack(sessionPresent, returnCode);
    }
}
