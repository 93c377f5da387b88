package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Will;

/** CONNECT (3.1), at the level the packet names (3 "MQIsdp" or 4 "MQTT"). */
final class ConnectEncoder {

    private static final int FIRST_BYTE = 0x10;

    private ConnectEncoder() {
    }

    static int remainingLength(Connect p) {
        ProtocolVersion version = p.version();
        FieldWriter.requireUnsignedShort(p.keepAliveSeconds(), "keep alive");
        int length = FieldWriter.stringSize(version.protocolName(), "protocol name") + 1 + 1 + 2;
        length += FieldWriter.stringSize(p.clientId(), "client identifier");
        Will will = p.will();
        if (will != null) {
            length += FieldWriter.stringSize(will.topic(), "will topic");
            length += FieldWriter.binarySize(will.payload(), "will message");
        }
        return length + credentialsSize(p);
    }

    /** User name and password, the last payload fields in every version. */
    static int credentialsSize(Connect p) {
        int length = 0;
        String userName = p.username();
        if (userName != null) {
            length += FieldWriter.stringSize(userName, "user name");
        }
        byte[] password = p.password();
        if (password != null) {
            length += FieldWriter.binarySize(password, "password");
        }
        return length;
    }

    static void encode(Connect p, ByteBuf out) {
        FixedHeader.write(out, FIRST_BYTE, remainingLength(p));
        FieldWriter.writeString(out, p.version().protocolName());
        out.writeByte(p.version().level());
        out.writeByte(connectFlags(p));
        out.writeShort(p.keepAliveSeconds());
        FieldWriter.writeString(out, p.clientId());
        Will will = p.will();
        if (will != null) {
            FieldWriter.writeString(out, will.topic());
            FieldWriter.writeBinary(out, will.payload());
        }
        writeCredentials(p, out);
    }

    static void writeCredentials(Connect p, ByteBuf out) {
        String userName = p.username();
        if (userName != null) {
            FieldWriter.writeString(out, userName);
        }
        byte[] password = p.password();
        if (password != null) {
            FieldWriter.writeBinary(out, password);
        }
    }

    /** The flags byte has the same layout in 3.1, 3.1.1 and 5.0 (bit 1 is Clean Session / Clean Start). */
    static int connectFlags(Connect p) {
        int flags = p.cleanSession() ? 0x02 : 0;
        Will will = p.will();
        if (will != null) {
            flags |= 0x04 | will.qos().value() << 3 | (will.retain() ? 0x20 : 0);
        }
        if (p.password() != null) {
            flags |= 0x40;
        }
        if (p.username() != null) {
            flags |= 0x80;
        }
        return flags;
    }
}
