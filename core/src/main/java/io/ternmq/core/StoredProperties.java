package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.WillProperties;
import io.ternmq.store.MessageProperties;
import org.jspecify.annotations.Nullable;

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

    /** The PUBLISH properties to forward, with {@code expiryInterval} (seconds, null for none). */
    static PublishProperties toPublish(MessageProperties properties, @Nullable Long expiryInterval) {
        if (properties.isEmpty() && expiryInterval == null) {
            return PublishProperties.EMPTY;
        }
        return new PublishProperties(properties.payloadFormat(), expiryInterval, null, properties.responseTopic(),
                properties.correlationData(), properties.userProperties(), List.of(), properties.contentType());
    }

    /**
     * The will's properties as the PUBLISH that carries it [MQTT-3.1.3-10]: its message expiry interval starts when
     * it is published; the will delay interval is not a PUBLISH property.
     */
    static PublishProperties toPublish(WillProperties will) {
        return toPublish(of(will), will.messageExpiryInterval());
    }
}
