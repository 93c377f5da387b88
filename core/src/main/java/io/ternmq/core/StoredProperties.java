package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.store.StoredMessage;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What the store keeps of a message's MQTT 5 properties, and back: everything forwarded to subscribers; topic alias
 * and subscription identifiers belong to one hop and are never stored. Expiry is kept as an absolute time.
 */
final class StoredProperties {

    private StoredProperties() {
    }

    /** The properties to store: without topic alias and subscription identifiers. */
    static PublishProperties of(PublishProperties properties) {
        if (properties.topicAlias() == null && properties.subscriptionIdentifiers().isEmpty()) {
            return properties;
        }
        return new PublishProperties(properties.payloadFormatIndicator(), properties.messageExpiryInterval(), null,
                properties.responseTopic(), properties.correlationData(), properties.userProperties(), List.of(),
                properties.contentType());
    }

    /** A stored message on its way to a subscriber again, with its properties and expiry time. */
    static Delivery delivery(StoredMessage message, Qos qos, boolean retain, long sequence, PersistedMessage row) {
        Instant expiresAt = message.expiresAt();
        return new Delivery(message.topic(), message.payload(), qos, retain, sequence, row, message.properties(),
                expiresAt == null ? MessageExpiry.NEVER : expiresAt.toEpochMilli());
    }

    /** An expiry time for the store: null for {@link MessageExpiry#NEVER}. */
    static @Nullable Instant expiresAt(long expiresAtMillis) {
        return expiresAtMillis == MessageExpiry.NEVER ? null : Instant.ofEpochMilli(expiresAtMillis);
    }
}
