package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.PacketType;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Topics;
import io.ternmq.protocol.UnsupportedProtocolVersionException;
import io.ternmq.protocol.Will;
import java.util.Set;

/**
 * CONNECT (3.1) for levels 3 ("MQIsdp") and 4 ("MQTT"); level 5 goes on in {@link ConnectV5Decoder}. The
 * client identifier is returned as sent, empty included: the identifier rules belong to the broker core.
 */
final class ConnectDecoder {

    private static final int RESERVED = 0x01;
    private static final int CLEAN_SESSION = 0x02;
    private static final int WILL = 0x04;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD = 0x40;
    private static final int USER_NAME = 0x80;

    private ConnectDecoder() {
    }

    static Connect decode(int flags, ByteBuf in, int end, Set<ProtocolVersion> accepted) {
        if (flags != 0) {
            throw Malformed.flags(PacketType.CONNECT, flags, 0); // [MQTT-2.2.2-1] [MQTT-2.2.2-2]
        }
        String name = FieldReader.readString(in, end, "protocol name");
        int level = FieldReader.readUnsignedByte(in, end, "protocol level");
        ProtocolVersion version = version(name, level);
        if (!accepted.contains(version)) {
            // A level this decoder is told not to speak (5, until the broker's 5.0 path exists): the broker
            // answers CONNACK 0x01 before closing.
            throw new UnsupportedProtocolVersionException(level); // [MQTT-3.1.2-2]
        }
        if (version == ProtocolVersion.MQTT_5) {
            return ConnectV5Decoder.decode(in, end);
        }
        int connectFlags = FieldReader.readUnsignedByte(in, end, "connect flags");
        if ((connectFlags & RESERVED) != 0) {
            throw Malformed.packet("CONNECT reserved flag (bit 0) must be 0"); // [MQTT-3.1.2-3]
        }
        boolean willFlag = (connectFlags & WILL) != 0;
        int willQos = (connectFlags >>> 3) & 0x03;
        boolean willRetain = (connectFlags & WILL_RETAIN) != 0;
        if (!willFlag && willQos != 0) {
            // [MQTT-3.1.2-11] [MQTT-3.1.2-13]
            throw Malformed.packet("CONNECT will QoS must be 0 without the will flag");
        }
        if (!willFlag && willRetain) {
            // [MQTT-3.1.2-11] [MQTT-3.1.2-15]
            throw Malformed.packet("CONNECT will retain must be 0 without the will flag");
        }
        if (willQos == 3) {
            throw Malformed.packet("CONNECT will QoS 3 is reserved"); // [MQTT-3.1.2-14]
        }
        boolean hasUserName = (connectFlags & USER_NAME) != 0;
        boolean hasPassword = (connectFlags & PASSWORD) != 0;
        if (hasPassword && !hasUserName) {
            throw Malformed.packet("CONNECT password flag set without the user name flag"); // [MQTT-3.1.2-22]
        }
        int keepAlive = FieldReader.readUnsignedShort(in, end, "keep alive");

        // [MQTT-3.1.3-1] payload order: client identifier, will topic, will message, user name, password
        String clientId = FieldReader.readString(in, end, "client identifier"); // [MQTT-3.1.3-3] [MQTT-3.1.3-4]
        Will will = willFlag ? readWill(in, end, connectFlags) : null; // [MQTT-3.1.2-9]
        // [MQTT-3.1.2-19] [MQTT-3.1.3-11]
        String userName = hasUserName ? FieldReader.readString(in, end, "user name") : null;
        byte[] password = hasPassword ? FieldReader.readBinary(in, end, "password") : null; // [MQTT-3.1.2-21]
        if (FieldReader.hasMore(in, end)) {
            // [MQTT-3.1.3-1] [MQTT-3.1.2-18] [MQTT-3.1.2-20]: no field beyond those the flags announce
            throw Malformed.packet("CONNECT has " + (end - in.readerIndex()) + " bytes after its last field");
        }
        return new Connect(version, clientId, (connectFlags & CLEAN_SESSION) != 0, keepAlive, userName, password,
                will);
    }

    private static ProtocolVersion version(String name, int level) {
        if (name.equals(ProtocolVersion.MQTT_3_1_1.protocolName())) {
            if (level == ProtocolVersion.MQTT_3_1_1.level()) {
                return ProtocolVersion.MQTT_3_1_1;
            }
            if (level == ProtocolVersion.MQTT_5.level()) {
                return ProtocolVersion.MQTT_5;
            }
        } else if (name.equals(ProtocolVersion.MQTT_3_1.protocolName())) {
            if (level == ProtocolVersion.MQTT_3_1.level()) {
                return ProtocolVersion.MQTT_3_1;
            }
        } else {
            throw Malformed.packet("protocol name must be \"MQTT\" (or \"MQIsdp\" for 3.1), got \""
                    + Malformed.shorten(name) + "\""); // [MQTT-3.1.2-1]
        }
        // A name we know with a level we do not speak: the broker answers CONNACK 0x01 before closing.
        throw new UnsupportedProtocolVersionException(level); // [MQTT-3.1.2-2]
    }

    private static Will readWill(ByteBuf in, int end, int connectFlags) {
        String topic = FieldReader.readString(in, end, "will topic"); // [MQTT-3.1.3-10]
        if (!Topics.isValidTopicName(topic)) {
            throw Malformed.packet("will topic is not a valid topic name"); // [MQTT-4.7.1-1] [MQTT-4.7.3-1]
        }
        byte[] message = FieldReader.readBinary(in, end, "will message");
        return new Will(topic, message, Qos.fromValue((connectFlags >>> 3) & 0x03), (connectFlags & WILL_RETAIN) != 0);
    }
}
