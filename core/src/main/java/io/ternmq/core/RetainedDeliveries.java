package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;

import java.time.Instant;
import java.util.List;

/** A retained message sent to a new subscription, with its MQTT 5 properties and what is left of its expiry. */
final class RetainedDeliveries {

    private RetainedDeliveries() {
    }

    /** RETAIN=1 because a subscription was made [MQTT-3.3.1-8]; {@code qos} is already the granted minimum. */
    static Delivery of(RetainedMessage message, Qos qos) {
        return of(message, qos, List.of());
    }

    /** The same, carrying the identifiers of the subscription it is sent for [MQTT-3.3.4-3]. */
    static Delivery of(RetainedMessage message, Qos qos, List<Integer> subscriptionIdentifiers) {
        Instant expiresAt = message.expiresAt();
        return new Delivery(message.topic(), message.payload(), qos, true, 0, null,
                SubscriptionIdentifiers.on(message.properties(), subscriptionIdentifiers),
                expiresAt == null ? MessageExpiry.NEVER : expiresAt.toEpochMilli());
    }
}
