package io.ternmq.testkit;

/**
 * Builds an MQTT 5.0 CONNECT (section 3.1) field by field. Defaults: protocol name "MQTT", level 5, Clean Start = 1,
 * keep-alive 60 s, no properties, no will, no user name, no password. The connect flags are derived from the fields
 * present unless {@link #flags(int)} forces a value; property blocks are raw {@link Mqtt5Properties} so a test can
 * send duplicated, misplaced or truncated properties.
 */
public final class Mqtt5ConnectBuilder {

    private final ConnectFields fields;
    private CleanStart cleanStart = CleanStart.YES;
    private byte[] properties = Mqtt5Properties.none();
    private byte[] willProperties = Mqtt5Properties.none();

    Mqtt5ConnectBuilder(byte[] clientId) {
        this.fields = new ConnectFields(5, clientId);
    }

    public Mqtt5ConnectBuilder protocol(String name, int level) {
        fields.protocol(name, level);
        return this;
    }

    public Mqtt5ConnectBuilder cleanStart(CleanStart value) {
        this.cleanStart = value;
        return this;
    }

    public Mqtt5ConnectBuilder keepAlive(int seconds) {
        fields.keepAlive = seconds;
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
        fields.will(Packets.utf8(topic), payload, qos, retain);
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
        fields.username = Packets.utf8(value);
        return this;
    }

    public Mqtt5ConnectBuilder password(byte[] value) {
        fields.password = value;
        return this;
    }

    /** Sends exactly these connect flags, whatever fields are present. */
    public Mqtt5ConnectBuilder flags(int flags) {
        fields.forcedFlags = flags;
        return this;
    }

    public byte[] build() {
        return fields.build(cleanStart.bit(), properties, willProperties);
    }
}
