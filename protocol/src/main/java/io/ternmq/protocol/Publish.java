package io.ternmq.protocol;

/**
 * PUBLISH (3.3). {@code packetId} is 0 for QoS 0 (the field is absent on the wire). The payload array is
 * owned by the packet and never modified after decoding, so one message can be shared by every delivery.
 * {@code topic} may be empty in MQTT 5 when a topic alias stands for it; {@code properties} is empty before 5.
 */
public record Publish(String topic, Qos qos, boolean retain, boolean dup, int packetId, byte[] payload,
                      PublishProperties properties)
        implements MqttPacket {

    /** A PUBLISH without MQTT 5 properties. */
    public Publish(String topic, Qos qos, boolean retain, boolean dup, int packetId, byte[] payload) {
        this(topic, qos, retain, dup, packetId, payload, PublishProperties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBLISH;
    }
}
