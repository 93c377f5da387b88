package io.ternmq.protocol;

/**
 * AUTH (MQTT 5 only, 3.15): a step of enhanced authentication. Reason code 0x00 success, 0x18 continue
 * authentication or 0x19 re-authenticate [MQTT-3.15.2-1].
 */
public record Auth(ReasonCode reasonCode, AuthProperties properties) implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.AUTH;
    }

    @Override
    public Auth withoutOptionalDiagnostics() {
        return new Auth(reasonCode, properties.withoutOptionalDiagnostics());
    }
}
