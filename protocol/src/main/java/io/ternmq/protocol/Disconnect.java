package io.ternmq.protocol;

/** DISCONNECT (3.14): no variable header, no payload. */
public record Disconnect() implements MqttPacket {

    public static final Disconnect INSTANCE = new Disconnect();

    @Override
    public PacketType type() {
        return PacketType.DISCONNECT;
    }
}
