package io.ternmq.protocol;

/** PUBCOMP (3.7). The reason code and properties are MQTT 5 only: before 5 they are success and empty. */
public record Pubcomp(int packetId, ReasonCode reasonCode, AckProperties properties) implements MqttPacket {

    public Pubcomp(int packetId) {
        this(packetId, ReasonCode.SUCCESS, AckProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBCOMP;
    }

    @Override
    public Pubcomp withoutOptionalDiagnostics() {
        return properties.isEmpty() ? this : new Pubcomp(packetId, reasonCode, AckProperties.EMPTY);
    }
}
