package io.ternmq.protocol;

/** PUBREC (3.5). */
public record Pubrec(int packetId) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.PUBREC;
    }
}
