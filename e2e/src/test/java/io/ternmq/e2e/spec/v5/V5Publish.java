package io.ternmq.e2e.spec.v5;

import io.ternmq.testkit.Hex;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An MQTT 5 PUBLISH as the broker sent it, read field by field: topic, packet id, the topic alias property (the
 * only property these tests expect the broker to add), payload.
 */
record V5Publish(int flags, String topic, int packetId, @Nullable Integer topicAlias, byte[] payload) {

    private static final int TOPIC_ALIAS = 0x23;

    static V5Publish parse(byte[] packet) {
        if ((packet[0] & 0xF0) != 0x30) {
            throw new AssertionError("not a PUBLISH: " + Hex.format(packet));
        }
        int[] at = {1};
        readVariableByteInteger(packet, at);
        int topicLength = (packet[at[0]] & 0xFF) << 8 | packet[at[0] + 1] & 0xFF;
        String topic = new String(packet, at[0] + 2, topicLength, StandardCharsets.UTF_8);
        at[0] += 2 + topicLength;
        int qos = (packet[0] >> 1) & 0x03;
        int packetId = 0;
        if (qos > 0) {
            packetId = (packet[at[0]] & 0xFF) << 8 | packet[at[0] + 1] & 0xFF;
            at[0] += 2;
        }
        int propertiesEnd = readVariableByteInteger(packet, at) + at[0];
        Integer alias = null;
        while (at[0] < propertiesEnd) {
            if (packet[at[0]] != TOPIC_ALIAS) {
                throw new AssertionError("unexpected property " + packet[at[0]] + " in " + Hex.format(packet));
            }
            alias = (packet[at[0] + 1] & 0xFF) << 8 | packet[at[0] + 2] & 0xFF;
            at[0] += 3;
        }
        return new V5Publish(packet[0] & 0x0F, topic, packetId, alias,
                Arrays.copyOfRange(packet, propertiesEnd, packet.length));
    }

    private static int readVariableByteInteger(byte[] packet, int[] at) {
        int value = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = packet[at[0]++] & 0xFF;
            value += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        return value;
    }
}
