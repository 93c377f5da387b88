package io.ternmq.protocol;

/** The protocol levels TernMQ knows, with the protocol name each one carries in CONNECT. */
public enum ProtocolVersion {
    MQTT_3_1(3, "MQIsdp"),
    MQTT_3_1_1(4, "MQTT"),
    MQTT_5(5, "MQTT");

    private final int level;
    private final String protocolName;

    ProtocolVersion(int level, String protocolName) {
        this.level = level;
        this.protocolName = protocolName;
    }

    public int level() {
        return level;
    }

    public String protocolName() {
        return protocolName;
    }
}
