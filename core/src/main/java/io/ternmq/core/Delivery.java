package io.ternmq.core;

import io.ternmq.protocol.Publish;
import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way to one subscriber, with the QoS it is delivered at (already the minimum of published and
 * granted QoS [MQTT-3.8.4-6]) and the RETAIN flag it carries: set only when sent because of a new subscription
 * [MQTT-3.3.1-8], clear for an established one [MQTT-3.3.1-9]. The payload is shared, never copied. For a
 * persistent session, {@code stored} is the message row it holds and {@code sequence} its place in the session's
 * stored queue/in-flight order; otherwise null and 0. {@code properties} are the MQTT 5 properties forwarded to
 * the subscriber (empty for a message from a 3.1.1 client; the 3.1.1 encoder leaves them out).
 */
record Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
                @Nullable PersistedMessage stored, PublishProperties properties) {

    Delivery(String topic, byte[] payload, Qos qos, boolean retain) {
        this(topic, payload, qos, retain, 0, null, PublishProperties.EMPTY);
    }

    Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
             @Nullable PersistedMessage stored) {
        this(topic, payload, qos, retain, sequence, stored, PublishProperties.EMPTY);
    }

    /** The same delivery as a persistent session records it. */
    Delivery persisted(long newSequence, PersistedMessage row) {
        return new Delivery(topic, payload, qos, retain, newSequence, row, properties);
    }

    /** The outgoing PUBLISH: DUP=0 on a first attempt [MQTT-3.3.1-1] [MQTT-3.3.1-2]. */
    Publish firstAttempt(int packetId) {
        return new Publish(topic, qos, retain, false, packetId, payload, properties);
    }
}
