package io.ternmq.protocol;

/** PUBCOMP (3.7). */
public record Pubcomp(int packetId) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.PUBCOMP;
    }
}
