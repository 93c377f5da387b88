package io.ternmq.protocol;

/**
 * CONNACK (3.2). {@code returnCode} is a {@link ConnectReturnCode} value for 3.1/3.1.1 and a
 * {@link ReasonCode} value for MQTT 5; {@code properties} is empty before MQTT 5.
 */
public record Connack(boolean sessionPresent, int returnCode, ConnackProperties properties) implements MqttPacket {

    public Connack(boolean sessionPresent, int returnCode) {
        this(sessionPresent, returnCode, ConnackProperties.EMPTY);
    }

    public Connack(boolean sessionPresent, ConnectReturnCode code) {
        this(sessionPresent, code.value());
    }

    /** An MQTT 5 CONNACK. */
    public Connack(boolean sessionPresent, ReasonCode reasonCode, ConnackProperties properties) {
        this(sessionPresent, reasonCode.value(), properties);
    }

    @Override
    public PacketType type() {
        return PacketType.CONNACK;
    }

    @Override
    public Connack withoutOptionalDiagnostics() {
        return new Connack(sessionPresent, returnCode, properties.withoutOptionalDiagnostics());
    }
}
