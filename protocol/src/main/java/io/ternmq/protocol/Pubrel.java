package io.ternmq.protocol;

/** PUBREL (3.6). The reason code and properties are MQTT 5 only: before 5 they are success and empty. */
public record Pubrel(int packetId, ReasonCode reasonCode, AckProperties properties) implements MqttPacket {

    public Pubrel(int packetId) {
        this(packetId, ReasonCode.SUCCESS, AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREL;
    }

    @Override
    public Pubrel withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Pubrel(packetId, reasonCode, AckProperties.EMPTY);
    }
}
