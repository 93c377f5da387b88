package io.ternmq.protocol;

/** UNSUBACK (3.11). */
public record Unsuback(int packetId) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.UNSUBACK;
    }
}
