package io.ternmq.testkit;

import java.nio.charset.StandardCharsets;

/**
 * An MQTT 5.0 PUBLISH as read off the wire, split into its fields by hand (section 3.3).
 *
 * @param packetId 0 for QoS 0, which has no packet id field
 * @param bytes    the whole packet
 */
public record ReceivedMqtt5Publish(String topic, int qos, Dup dup, Retain retain, int packetId,
                                   ReceivedProperties properties, byte[] payload, byte[] bytes) {

    public static ReceivedMqtt5Publish parse(byte[] packet) {
        int firstByte = packet[0] & 0xFF;
        if (firstByte >>> 4 != 3) {
            throw new AssertionError("expected a PUBLISH but got " + Hex.format(packet));
        }
        WireReader reader = WireReader.afterFixedHeader(packet);
        String topic = reader.string();
        int qos = firstByte >>> 1 & 0x03;
        int packetId = qos > 0 ? reader.u16() : 0;
        ReceivedProperties properties = ReceivedProperties.read(reader);
        return new ReceivedMqtt5Publish(topic, qos, (firstByte & 0x08) != 0 ? Dup.YES : Dup.NO,
                (firstByte & 0x01) != 0 ? Retain.YES : Retain.NO, packetId, properties, reader.rest(), packet);
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PUBLISH(topic=" + topic + ", qos=" + qos + ", dup=" + dup + ", retain=" + retain + ", id=" + packetId
                + ", properties=" + properties + ", payload=" + payloadText() + ")";
    }
}
