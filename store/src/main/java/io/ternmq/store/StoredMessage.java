package io.ternmq.store;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;

/**
 * A message payload stored once however many persistent sessions hold it: queue and in-flight entries refer to it
 * by {@code id}. Ids are unique for the life of a data directory and grow with time. The array is never modified.
 * {@code properties} are the MQTT 5 properties it is forwarded with (empty for a 3.1.1 publisher).
 */
public record StoredMessage(long id, String topic, Qos qos, byte[] payload, PublishProperties properties) {

    /** A stored message without MQTT 5 properties. */
    public StoredMessage(long id, String topic, Qos qos, byte[] payload) {
        this(id, topic, qos, payload, PublishProperties.EMPTY);
    }
}
