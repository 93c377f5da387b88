package io.ternmq.store;

import io.ternmq.protocol.Qos;

/**
 * The retained message of one topic [MQTT-3.3.1-5]: the latest non-empty PUBLISH with RETAIN=1 and its QoS.
 * The payload is never empty: an empty retained PUBLISH deletes instead [MQTT-3.3.1-11]. The array is shared,
 * never modified.
 */
public record RetainedMessage(String topic, byte[] payload, Qos qos) {

    public RetainedMessage {
        if (payload.length == 0) {
            throw new IllegalArgumentException("a retained message has a non-empty payload [MQTT-3.3.1-11]");
        }
    }
}
