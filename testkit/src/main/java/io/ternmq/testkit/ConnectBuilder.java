package io.ternmq.testkit;

/**
 * Builds a CONNECT (section 3.1) field by field. Defaults: protocol name "MQTT", level 4, CleanSession = 1,
 * keep-alive 60 s, no will, no user name, no password. The connect flags are derived from the fields present
 * unless {@link #flags(int)} forces a value, which lets a test send inconsistent flags.
 */
public final class ConnectBuilder {

    private final ConnectFields fields;
    private CleanSession cleanSession = CleanSession.YES;
    private int reservedBit;

    ConnectBuilder(byte[] clientId) {
        this.fields = new ConnectFields(4, clientId);
    }

    public ConnectBuilder protocol(String name, int level) {
        fields.protocol(name, level);
        return this;
    }

    public ConnectBuilder cleanSession(CleanSession value) {
        this.cleanSession = value;
        return this;
    }

    public ConnectBuilder keepAlive(int seconds) {
        fields.keepAlive = seconds;
        return this;
    }

    public ConnectBuilder will(String topic, byte[] message, int qos, Retain retain) {
        return willRawTopic(Packets.utf8(topic), message, qos, retain);
    }

    public ConnectBuilder willRawTopic(byte[] topic, byte[] message, int qos, Retain retain) {
        fields.will(topic, message, qos, retain);
        return this;
    }

    public ConnectBuilder username(String value) {
        return usernameRaw(Packets.utf8(value));
    }

    public ConnectBuilder usernameRaw(byte[] value) {
        fields.username = value;
        return this;
    }

    public ConnectBuilder password(byte[] value) {
        fields.password = value;
        return this;
    }

    /** Sets bit 0 of the connect flags, which the specification reserves (must be zero [MQTT-3.1.2-3]). */
    public ConnectBuilder reservedFlagSet() {
        this.reservedBit = 1;
        return this;
    }

    /** Sends exactly these connect flags, whatever fields are present. */
    public ConnectBuilder flags(int flags) {
        fields.forcedFlags = flags;
        return this;
    }

    public byte[] build() {
        return fields.build(reservedBit | cleanSession.bit());
    }
}
