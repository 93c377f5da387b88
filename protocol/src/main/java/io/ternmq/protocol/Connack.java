package io.ternmq.protocol;

/** CONNACK (3.2). {@code returnCode} is a {@link ConnectReturnCode} value for 3.1/3.1.1. */
public record Connack(boolean sessionPresent, int returnCode) implements MqttPacket {

    public Connack(boolean sessionPresent, ConnectReturnCode code) {
        this(sessionPresent, code.value());
    }

    @Override
    public PacketType type() {
        return PacketType.CONNACK;
    }
}
