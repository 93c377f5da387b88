package io.ternmq.store;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The retained message of one topic [MQTT-3.3.1-5]: the latest non-empty PUBLISH with RETAIN=1 and its QoS.
 * The payload is never empty: an empty retained PUBLISH deletes instead [MQTT-3.3.1-11]. The array is shared,
 * never modified. {@code properties} are the MQTT 5 properties it is forwarded with, as the publisher sent them
 * (empty for a 3.1.1 publisher); {@code expiresAt}, when set, is when its message expiry interval runs out and it is
 * no longer sent to new subscribers [MQTT-3.3.2-5].
 */
public record RetainedMessage(String topic, byte[] payload, Qos qos, PublishProperties properties,
                              @Nullable Instant expiresAt) {

    public RetainedMessage {
        if (payload.length == 0) {
            throw new IllegalArgumentException("a retained message has a non-empty payload [MQTT-3.3.1-11]");
        }
    }

    /** A retained message without MQTT 5 properties and without expiry, as every 3.1.1 one. */
    public RetainedMessage(String topic, byte[] payload, Qos qos) {
        this(topic, payload, qos, PublishProperties.EMPTY, null);
    }

    /** A retained message whose expiry, if any, is not tracked as a time. */
    public RetainedMessage(String topic, byte[] payload, Qos qos, PublishProperties properties) {
        this(topic, payload, qos, properties, null);
    }

    /** Whether the message expiry interval has run out at {@code nowMillis} (epoch millis). */
    public boolean isExpiredAt(long nowMillis) {
        return expiresAt != null && expiresAt.toEpochMilli() <= nowMillis;
    }
}
