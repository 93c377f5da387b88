package io.ternmq.store;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;

/**
 * The retained message of one topic [MQTT-3.3.1-5]: the latest non-empty PUBLISH with RETAIN=1 and its QoS.
 * The payload is never empty: an empty retained PUBLISH deletes instead [MQTT-3.3.1-11]. The array is shared,
 * never modified. {@code properties} are the MQTT 5 properties it is forwarded with, as the publisher sent them
 * (empty for a 3.1.1 publisher).
 */
public record RetainedMessage(String topic, byte[] payload, Qos qos, PublishProperties properties) {

    /** A retained message without MQTT 5 properties. */
    public RetainedMessage(String topic, byte[] payload, Qos qos) {
        this(topic, payload, qos, PublishProperties.EMPTY);
    }

    public RetainedMessage {
        if (payload.length == 0) {
            throw new IllegalArgumentException("a retained message has a non-empty payload [MQTT-3.3.1-11]");
        }
    }
}
