package io.ternmq.testkit;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;

/**
 * Builds an MQTT 5.0 CONNECT (section 3.1) field by field. Defaults: protocol name "MQTT", level 5, Clean Start = 1,
 * keep-alive 60 s, no properties, no will, no user name, no password. The connect flags are derived from the fields
 * present unless {@link #flags(int)} forces a value; property blocks are raw {@link Mqtt5Properties} so a test can
 * send duplicated, misplaced or truncated properties.
 */
public final class Mqtt5ConnectBuilder {

    private byte[] protocolName = Packets.utf8("MQTT");
    private int protocolLevel = 5;
    private final byte[] clientId;
    private CleanStart cleanStart = CleanStart.YES;
    private int keepAlive = 60;
    private byte[] properties = Mqtt5Properties.none();
    private byte @Nullable [] willTopic;
    private byte[] willProperties = Mqtt5Properties.none();
    private byte[] willPayload = new byte[0];
    private int willQos;
    private Retain willRetain = Retain.NO;
    private byte @Nullable [] username;
    private byte @Nullable [] password;
    private @Nullable Integer forcedFlags;

    Mqtt5ConnectBuilder(byte[] clientId) {
        this.clientId = clientId;
    }

    public Mqtt5ConnectBuilder protocol(String name, int level) {
        this.protocolName = Packets.utf8(name);
        this.protocolLevel = level;
        return this;
    }

    public Mqtt5ConnectBuilder cleanStart(CleanStart value) {
        this.cleanStart = value;
        return this;
    }

    public Mqtt5ConnectBuilder keepAlive(int seconds) {
        this.keepAlive = seconds;
        return this;
    }

    public Mqtt5ConnectBuilder properties(Mqtt5Properties value) {
        return properties(value.build());
    }

    /** The property block exactly as given, length prefix included. */
    public Mqtt5ConnectBuilder properties(byte[] encoded) {
        this.properties = encoded;
        return this;
    }

    public Mqtt5ConnectBuilder will(String topic, byte[] payload, int qos, Retain retain) {
        this.willTopic = Packets.utf8(topic);
        this.willPayload = payload;
        this.willQos = qos;
        this.willRetain = retain;
        return this;
    }

    public Mqtt5ConnectBuilder willProperties(Mqtt5Properties value) {
        return willProperties(value.build());
    }

    /** The will property block exactly as given, length prefix included. */
    public Mqtt5ConnectBuilder willProperties(byte[] encoded) {
        this.willProperties = encoded;
        return this;
    }

    public Mqtt5ConnectBuilder username(String value) {
        this.username = Packets.utf8(value);
        return this;
    }

    public Mqtt5ConnectBuilder password(byte[] value) {
        this.password = value;
        return this;
    }

    /** Sends exactly these connect flags, whatever fields are present. */
    public Mqtt5ConnectBuilder flags(int flags) {
        this.forcedFlags = flags;
        return this;
    }

    public byte[] build() {
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
                new byte[] {(byte) protocolLevel, (byte) connectFlags()}, Packets.uint16(keepAlive), properties);
        return Packets.packet(0x10, variableHeader, payload.toByteArray());
    }

    private int connectFlags() {
        if (forcedFlags != null) {
            return forcedFlags;
        }
        int flags = cleanStart.bit();
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
