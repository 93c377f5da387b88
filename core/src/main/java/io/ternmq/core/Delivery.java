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
 * the subscriber (empty for a message from a 3.1.1 client; the 3.1.1 encoder leaves them out). {@code expiresAt}
 * is when its message expiry interval runs out (epoch millis, {@link MessageExpiry#NEVER} without one): it is
 * not sent after that [MQTT-3.3.2-5], and is sent with what is left of the interval [MQTT-3.3.2-6].
 */
record Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
                @Nullable PersistedMessage stored, PublishProperties properties, long expiresAt) {

    Delivery(String topic, byte[] payload, Qos qos, boolean retain) {
        this(topic, payload, qos, retain, 0, null, PublishProperties.EMPTY, MessageExpiry.NEVER);
    }

    Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
             @Nullable PersistedMessage stored) {
        this(topic, payload, qos, retain, sequence, stored, PublishProperties.EMPTY, MessageExpiry.NEVER);
    }

    /** A delivery whose expiry, if any, is not tracked (the interval goes out as received). */
    Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
             @Nullable PersistedMessage stored, PublishProperties properties) {
        this(topic, payload, qos, retain, sequence, stored, properties, MessageExpiry.NEVER);
    }

    /** The same delivery as a persistent session records it. */
    Delivery persisted(long newSequence, PersistedMessage row) {
        return new Delivery(topic, payload, qos, retain, newSequence, row, properties, expiresAt);
    }

    /** The outgoing PUBLISH: DUP=0 on a first attempt [MQTT-3.3.1-1] [MQTT-3.3.1-2]. */
    Publish firstAttempt(int packetId) {
        return new Publish(topic, qos, retain, false, packetId, payload, properties);
    }

    /** Whether its message expiry interval has run out at {@code nowMillis} [MQTT-3.3.2-5]. */
    boolean isExpiredAt(long nowMillis) {
        return MessageExpiry.isExpired(expiresAt, nowMillis);
    }

    /**
     * The outgoing PUBLISH sent at {@code nowMillis}: as {@link #firstAttempt(int)}, with the Message Expiry Interval
     * reduced by the time the message waited in the broker [MQTT-3.3.2-6].
     */
    Publish firstAttempt(int packetId, long nowMillis) {
        if (expiresAt == MessageExpiry.NEVER) {
            return firstAttempt(packetId);
        }
        return new Publish(topic, qos, retain, false, packetId, payload,
                MessageExpiry.withRemaining(properties, expiresAt, nowMillis));
    }
}
