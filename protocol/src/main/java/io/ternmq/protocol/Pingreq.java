package io.ternmq.protocol;

/** PINGREQ (3.12): no variable header, no payload. */
public record Pingreq() implements MqttPacket {

    public static final Pingreq INSTANCE = new Pingreq();

    @Override
    public PacketType type() {
        return PacketType.PINGREQ;
    }
}
