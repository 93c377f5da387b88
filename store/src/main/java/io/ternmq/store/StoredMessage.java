package io.ternmq.store;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A message payload stored once however many persistent sessions hold it: queue and in-flight entries refer to it
 * by {@code id}. Ids are unique for the life of a data directory and grow with time. The array is never modified.
 * {@code properties} are the MQTT 5 properties it is forwarded with, as received (empty for a 3.1.1 publisher; topic
 * alias and subscription identifiers belong to one hop and are not stored); {@code expiresAt} is when its message
 * expiry interval runs out (the broker's receipt time plus the interval) [MQTT-3.3.2-5], null when it has none.
 */
public record StoredMessage(long id, String topic, Qos qos, byte[] payload, PublishProperties properties,
                           @Nullable Instant expiresAt) {

    /** A message without MQTT 5 properties and without expiry, as every 3.1.1 message. */
    public StoredMessage(long id, String topic, Qos qos, byte[] payload) {
        this(id, topic, qos, payload, PublishProperties.EMPTY, null);
    }

    /** A message whose expiry, if any, is not tracked as a time (its interval is forwarded as received). */
    public StoredMessage(long id, String topic, Qos qos, byte[] payload, PublishProperties properties) {
        this(id, topic, qos, payload, properties, null);
    }
}
