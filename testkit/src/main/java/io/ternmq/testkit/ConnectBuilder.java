package io.ternmq.testkit;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;

/**
 * Builds a CONNECT (section 3.1) field by field. Defaults: protocol name "MQTT", level 4, CleanSession = 1,
 * keep-alive 60 s, no will, no user name, no password. The connect flags are derived from the fields present
 * unless {@link #flags(int)} forces a value, which lets a test send inconsistent flags.
 */
public final class ConnectBuilder {

    private byte[] protocolName = Packets.utf8("MQTT");
    private int protocolLevel = 4;
    private final byte[] clientId;
    private CleanSession cleanSession = CleanSession.YES;
    private int keepAlive = 60;
    private byte @Nullable [] willTopic;
    private byte[] willMessage = new byte[0];
    private int willQos;
    private Retain willRetain = Retain.NO;
    private byte @Nullable [] username;
    private byte @Nullable [] password;
    private int reservedBit;
    private @Nullable Integer forcedFlags;

    ConnectBuilder(byte[] clientId) {
        this.clientId = clientId;
    }

    public ConnectBuilder protocol(String name, int level) {
        this.protocolName = Packets.utf8(name);
        this.protocolLevel = level;
        return this;
    }

    public ConnectBuilder cleanSession(CleanSession value) {
        this.cleanSession = value;
        return this;
    }

    public ConnectBuilder keepAlive(int seconds) {
        this.keepAlive = seconds;
        return this;
    }

    public ConnectBuilder will(String topic, byte[] message, int qos, Retain retain) {
        return willRawTopic(Packets.utf8(topic), message, qos, retain);
    }

    public ConnectBuilder willRawTopic(byte[] topic, byte[] message, int qos, Retain retain) {
        this.willTopic = topic;
        this.willMessage = message;
        this.willQos = qos;
        this.willRetain = retain;
        return this;
    }

    public ConnectBuilder username(String value) {
        return usernameRaw(Packets.utf8(value));
    }

    public ConnectBuilder usernameRaw(byte[] value) {
        this.username = value;
        return this;
    }

    public ConnectBuilder password(byte[] value) {
        this.password = value;
        return this;
    }

    /** Sets bit 0 of the connect flags, which the specification reserves (must be zero [MQTT-3.1.2-3]). */
    public ConnectBuilder reservedFlagSet() {
        this.reservedBit = 1;
        return this;
    }

    /** Sends exactly these connect flags, whatever fields are present. */
    public ConnectBuilder flags(int flags) {
        this.forcedFlags = flags;
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(Packets.lengthPrefixed(clientId));
        if (willTopic != null) {
            payload.writeBytes(Packets.lengthPrefixed(willTopic));
            payload.writeBytes(Packets.lengthPrefixed(willMessage));
        }
        if (username != null) {
            payload.writeBytes(Packets.lengthPrefixed(username));
        }
        if (password != null) {
            payload.writeBytes(Packets.lengthPrefixed(password));
        }
        byte[] variableHeader = Hex.concat(Packets.lengthPrefixed(protocolName),
                new byte[] {(byte) protocolLevel, (byte) connectFlags()}, Packets.uint16(keepAlive));
        return Packets.packet(0x10, variableHeader, payload.toByteArray());
    }

    private int connectFlags() {
        if (forcedFlags != null) {
            return forcedFlags;
        }
        int flags = reservedBit | cleanSession.bit();
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
