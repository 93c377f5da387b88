package io.ternmq.protocol;

/** PUBACK (3.4). The reason code and properties are MQTT 5 only: before 5 they are success and empty. */
public record Puback(int packetId, ReasonCode reasonCode, AckProperties properties) implements MqttPacket {

    public Puback(int packetId) {
        this(packetId, ReasonCode.SUCCESS, AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBACK;
    }

    @Override
    public Puback withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Puback(packetId, reasonCode, AckProperties.EMPTY);
    }
}
