package io.ternmq.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PUBLISH as read off the wire, split into its fields by hand (section 3.3) so tests can check the flags and
 * learn the packet id the broker chose.
 *
 * @param packetId 0 for QoS 0, which has no packet id field [MQTT-2.3.1-5]
 */
public record ReceivedPublish(String topic, int qos, Dup dup, Retain retain, int packetId, byte[] payload,
                              byte[] bytes) {

    public static ReceivedPublish parse(byte[] packet) {
        int firstByte = packet[0] & 0xFF;
        if (firstByte >>> 4 != 3) {
            throw new AssertionError("expected a PUBLISH but got " + Hex.format(packet));
        }
        int pos = 1;
        while ((packet[pos] & 0x80) != 0) {
            pos++;
        }
        pos++;
        int topicLength = uint16(packet, pos);
        pos += 2;
        String topic = new String(packet, pos, topicLength, StandardCharsets.UTF_8);
        pos += topicLength;
        int qos = firstByte >>> 1 & 0x03;
        int packetId = 0;
        if (qos > 0) {
            packetId = uint16(packet, pos);
            pos += 2;
        }
        return new ReceivedPublish(topic, qos, (firstByte & 0x08) != 0 ? Dup.YES : Dup.NO,
                (firstByte & 0x01) != 0 ? Retain.YES : Retain.NO, packetId,
                Arrays.copyOfRange(packet, pos, packet.length), packet);
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PUBLISH(topic=" + topic + ", qos=" + qos + ", dup=" + dup + ", retain=" + retain + ", id=" + packetId
                + ", payload=" + payloadText() + ")";
    }

    private static int uint16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }
}
