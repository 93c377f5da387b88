package io.ternmq.protocol;

/**
 * PUBLISH (3.3). {@code packetId} is 0 for QoS 0 (the field is absent on the wire). The payload array is
 * owned by the packet and never modified after decoding, so one message can be shared by every delivery.
 */
public record Publish(String topic, Qos qos, boolean retain, boolean dup, int packetId, byte[] payload)
        implements MqttPacket {

    @Override
    public PacketType type() {
        return PacketType.PUBLISH;
    }
}
