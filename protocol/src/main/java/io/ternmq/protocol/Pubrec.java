package io.ternmq.protocol;

/** PUBREC (3.5). The reason code and properties are MQTT 5 only: before 5 they are success and empty. */
public record Pubrec(int packetId, ReasonCode reasonCode, AckProperties properties) implements MqttPacket {

    public Pubrec(int packetId) {
        this(packetId, ReasonCode.SUCCESS, AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREC;
    }

    @Override
    public Pubrec withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Pubrec(packetId, reasonCode, AckProperties.EMPTY);
    }
}
