package io.ternmq.testkit;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;

/**
 * The CONNECT fields that 3.1.1 and 5.0 share, and the encoding both builders use: {@link ConnectBuilder} and
 * {@link Mqtt5ConnectBuilder} differ only in the session bit and in where 5.0 puts its property blocks.
 */
final class ConnectFields {

    private static final byte[] NO_PROPERTIES = new byte[0];

    byte[] protocolName = Packets.utf8("MQTT");
    int protocolLevel;
    final byte[] clientId;
    int keepAlive = 60;
    byte @Nullable [] willTopic;
    byte[] willPayload = new byte[0];
    int willQos;
    Retain willRetain = Retain.NO;
    byte @Nullable [] username;
    byte @Nullable [] password;
    @Nullable Integer forcedFlags;

    ConnectFields(int protocolLevel, byte[] clientId) {
        this.protocolLevel = protocolLevel;
        this.clientId = clientId;
    }

    void protocol(String name, int level) {
        this.protocolName = Packets.utf8(name);
        this.protocolLevel = level;
    }

    void will(byte[] topic, byte[] payload, int qos, Retain retain) {
        this.willTopic = topic;
        this.willPayload = payload;
        this.willQos = qos;
        this.willRetain = retain;
    }

    /** A 3.1.1 CONNECT: no property blocks. */
    byte[] build(int sessionBits) {
        return build(sessionBits, NO_PROPERTIES, NO_PROPERTIES);
    }

    /** The CONNECT with these bits (clean session/start, reserved) and property blocks, length prefixes included. */
    byte[] build(int sessionBits, byte[] properties, byte[] willProperties) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(Packets.lengthPrefixed(clientId));
        if (willTopic != null) {
            payload.writeBytes(willProperties);
            payload.writeBytes(Packets.lengthPrefixed(willTopic));
            payload.writeBytes(Packets.lengthPrefixed(willPayload));
        }
        if (username != null) {
            payload.writeBytes(Packets.lengthPrefixed(username));
        }
        if (password != null) {
            payload.writeBytes(Packets.lengthPrefixed(password));
        }
        byte[] variableHeader = Hex.concat(Packets.lengthPrefixed(protocolName),
                new byte[] {(byte) protocolLevel, (byte) connectFlags(sessionBits)}, Packets.uint16(keepAlive),
                properties);
        return Packets.packet(0x10, variableHeader, payload.toByteArray());
    }

    private int connectFlags(int sessionBits) {
        if (forcedFlags != null) {
            return forcedFlags;
        }
        int flags = sessionBits;
        if (willTopic != null) {
            flags |= 0x04 | (willQos & 0x03) << 3 | willRetain.bit() << 5;
        }
        if (password != null) {
            flags |= 0x40;
        }
        if (username != null) {
            flags |= 0x80;
        }
        return flags;
    }
}
