package io.ternmq.protocol;

/** PUBREL (3.6). */
public record Pubrel(int packetId) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.PUBREL;
    }
}
