package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;
import io.ternmq.protocol.WillProperties;
import io.ternmq.store.MessageProperties;
import io.ternmq.store.StoredMessage;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Converts between the PUBLISH and will properties of the protocol and the forwarded properties the store keeps
 * ({@link MessageProperties}); expiry travels separately (an absolute time for messages, an interval for wills).
 * Topic alias and subscription identifiers belong to one hop and are never stored.
 */
final class StoredProperties {

    private StoredProperties() {
    }

    static MessageProperties of(PublishProperties properties) {
        if (properties.payloadFormatIndicator() == null && properties.contentType() == null
                && properties.responseTopic() == null && properties.correlationData() == null
                && properties.userProperties().isEmpty()) {
            return MessageProperties.EMPTY;
        }
        return new MessageProperties(properties.payloadFormatIndicator(), properties.contentType(),
                properties.responseTopic(), properties.correlationData(), properties.userProperties());
    }

    static MessageProperties of(WillProperties properties) {
        if (properties.payloadFormatIndicator() == null && properties.contentType() == null
                && properties.responseTopic() == null && properties.correlationData() == null
                && properties.userProperties().isEmpty()) {
            return MessageProperties.EMPTY;
        }
        return new MessageProperties(properties.payloadFormatIndicator(), properties.contentType(),
                properties.responseTopic(), properties.correlationData(), properties.userProperties());
    }

    /** A stored message on its way to a subscriber again, with its properties and expiry time. */
    static Delivery delivery(StoredMessage message, Qos qos, boolean retain, long sequence, PersistedMessage row) {
        Instant expiresAt = message.expiresAt();
        return new Delivery(message.topic(), message.payload(), qos, retain, sequence, row,
                toPublish(message.properties(), null),
                expiresAt == null ? MessageExpiry.NEVER : expiresAt.toEpochMilli());
    }

    /** An expiry time for the store: null for {@link MessageExpiry#NEVER}. */
    static @Nullable Instant expiresAt(long expiresAtMillis) {
        return expiresAtMillis == MessageExpiry.NEVER ? null : Instant.ofEpochMilli(expiresAtMillis);
    }

    /** The PUBLISH properties to forward, with {@code expiryInterval} (seconds, null for none). */
    static PublishProperties toPublish(MessageProperties properties, @Nullable Long expiryInterval) {
        if (properties.isEmpty() && expiryInterval == null) {
            return PublishProperties.EMPTY;
        }
        return new PublishProperties(properties.payloadFormat(), expiryInterval, null, properties.responseTopic(),
                properties.correlationData(), properties.userProperties(), List.of(), properties.contentType());
    }

}
