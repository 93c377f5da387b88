package io.ternmq.core;

import io.ternmq.protocol.Qos;
import io.ternmq.store.RetainedMessage;

import java.time.Instant;

/** A retained message sent to a new subscription, with its MQTT 5 properties and what is left of its expiry. */
final class RetainedDeliveries {

    private RetainedDeliveries() {
    }

    /** RETAIN=1 because a subscription was made [MQTT-3.3.1-8]; {@code qos} is already the granted minimum. */
    static Delivery of(RetainedMessage message, Qos qos) {
        Instant expiresAt = message.expiresAt();
        return new Delivery(message.topic(), message.payload(), qos, true, 0, null,
                message.properties(),
                expiresAt == null ? MessageExpiry.NEVER : expiresAt.toEpochMilli());
    }
}
