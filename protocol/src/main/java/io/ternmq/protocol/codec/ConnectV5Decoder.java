package io.ternmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.ternmq.protocol.Connect;
import io.ternmq.protocol.ConnectProperties;
import io.ternmq.protocol.ProtocolVersion;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.Topics;
import io.ternmq.protocol.Will;
import io.ternmq.protocol.WillProperties;

/**
 * CONNECT of MQTT 5 (3.1), from the connect flags on: the protocol name and level are already read. Unlike
 * 3.1.1, a password without a user name is allowed (3.1.2.9).
 */
final class ConnectV5Decoder {

    private static final int RESERVED = 0x01;
    private static final int CLEAN_START = 0x02;
    private static final int WILL = 0x04;
    private static final int WILL_RETAIN = 0x20;
    private static final int PASSWORD = 0x40;
    private static final int USER_NAME = 0x80;

    private ConnectV5Decoder() {
    }

    static Connect decode(ByteBuf in, int end) {
        int connectFlags = FieldReader.readUnsignedByte(in, end, "connect flags");
        if ((connectFlags & RESERVED) != 0) {
            throw Malformed.packet("CONNECT reserved flag (bit 0) must be 0"); // [MQTT-3.1.2-3]
        }
        boolean willFlag = (connectFlags & WILL) != 0;
        int willQos = (connectFlags >>> 3) & 0x03;
        if (!willFlag && willQos != 0) {
            throw Malformed.packet("CONNECT will QoS must be 0 without the will flag"); // [MQTT-3.1.2-11]
        }
        if (!willFlag && (connectFlags & WILL_RETAIN) != 0) {
            throw Malformed.packet("CONNECT will retain must be 0 without the will flag"); // [MQTT-3.1.2-13]
        }
        if (willQos == 3) {
            throw Malformed.packet("CONNECT will QoS 3 is reserved"); // [MQTT-3.1.2-12]
        }
        int keepAlive = FieldReader.readUnsignedShort(in, end, "keep alive");
        ConnectProperties properties = PropertyRecords.connect(in, end);

        // [MQTT-3.1.3-1] payload order: client identifier, will properties, will topic, will payload, user name,
        // password; [MQTT-3.1.3-3] [MQTT-3.1.3-4] the client identifier is first and a UTF-8 string
        String clientId = FieldReader.readString(in, end, "client identifier");
        Will will = willFlag ? readWill(in, end, connectFlags) : null; // [MQTT-3.1.2-9]
        // [MQTT-3.1.2-16] [MQTT-3.1.2-17] [MQTT-3.1.3-12]
        String userName = (connectFlags & USER_NAME) != 0 ? FieldReader.readString(in, end, "user name") : null;
        // [MQTT-3.1.2-18] [MQTT-3.1.2-19]
        byte[] password = (connectFlags & PASSWORD) != 0 ? FieldReader.readBinary(in, end, "password") : null;
        if (FieldReader.hasMore(in, end)) {
            // [MQTT-3.1.3-1]: no field beyond those the flags announce
            throw Malformed.packet("CONNECT has " + (end - in.readerIndex()) + " bytes after its last field");
        }
        return new Connect(ProtocolVersion.MQTT_5, clientId, (connectFlags & CLEAN_START) != 0, keepAlive, userName,
                password, will, properties);
    }

    private static Will readWill(ByteBuf in, int end, int connectFlags) {
        WillProperties properties = PropertyRecords.will(in, end);
        String topic = FieldReader.readString(in, end, "will topic"); // [MQTT-3.1.3-11]
        if (!Topics.isValidTopicName(topic)) {
            throw Malformed.packet("will topic is not a valid topic name"); // [MQTT-3.3.2-2]
        }
        byte[] payload = FieldReader.readBinary(in, end, "will payload");
        return new Will(topic, payload, Qos.fromValue((connectFlags >>> 3) & 0x03), (connectFlags & WILL_RETAIN) != 0,
                properties);
    }
}
