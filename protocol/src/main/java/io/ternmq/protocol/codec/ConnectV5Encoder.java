package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Will;

/** CONNECT of MQTT 5 (3.1): name, level 5, flags, keep alive, properties, then the payload fields in order. */
final class ConnectV5Encoder {

    private static final int FIRST_BYTE = 0x10;
    private static final String NAME = ProtocolVersion.MQTT_5.protocolName();

    private ConnectV5Encoder() {
    }

    static int remainingLength(Connect p) {
        FieldWriter.requireUnsignedShort(p.keepAliveSeconds(), "keep alive");
        long length = FieldWriter.stringSize(NAME, "protocol name") + 1 + 1 + 2;
        length += PropertyEmitter.fieldSize(p.properties());
        length += FieldWriter.stringSize(p.clientId(), "client identifier");
        Will will = p.will();
        if (will != null) {
            length += PropertyEmitter.fieldSize(will.properties());
            length += FieldWriter.stringSize(will.topic(), "will topic");
            length += FieldWriter.binarySize(will.payload(), "will payload");
        }
        length += ConnectEncoder.credentialsSize(p);
        return PacketEncoder.requireRemainingLength(length);
    }

    static void encode(Connect p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        FieldWriter.writeString(out, NAME);
        out.writeByte(ProtocolVersion.MQTT_5.level());
        out.writeByte(ConnectEncoder.connectFlags(p));
        out.writeShort(p.keepAliveSeconds());
        PropertyEmitter.write(out, p.properties());
        FieldWriter.writeString(out, p.clientId());
        Will will = p.will();
        if (will != null) {
            PropertyEmitter.write(out, will.properties());
            FieldWriter.writeString(out, will.topic());
            FieldWriter.writeBinary(out, will.payload());
        }
        ConnectEncoder.writeCredentials(p, out);
    }
}
