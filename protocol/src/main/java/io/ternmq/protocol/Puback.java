package io.ternmq.protocol;

/** PUBACK (3.4). */
public record Puback(int packetId) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.PUBACK;
    }
}
