package io.ternmq.protocol;

/**
 * DISCONNECT (3.14). Before MQTT 5 it has no variable header: reason code success (normal disconnection) and
 * no properties.
 */
public record Disconnect(ReasonCode reasonCode, DisconnectProperties properties) implements MqttPacket {

    public static final Disconnect INSTANCE = new Disconnect();

    public Disconnect() {
        this(ReasonCode.SUCCESS, DisconnectProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.DISCONNECT;
    }

    @Override
    public Disconnect withoutOptionalDiagnostics() {
        return new Disconnect(reasonCode, properties.withoutOptionalDiagnostics());
    }
}
