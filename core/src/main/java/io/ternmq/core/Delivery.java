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
 * not sent after that [MQTT-3.3.2-5], and is sent with what is left of the interval [MQTT-3.3.2-6]. The
 * properties carry the receiving subscriptions' identifiers. {@code share} is the shared subscription group the
 * subscriber was picked from, so that the message can go to another member if this session ends before it is
 * acknowledged; null for the subscriber's own subscriptions.
 */
record Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
                @Nullable PersistedMessage stored, PublishProperties properties, long expiresAt,
                @Nullable SharedGroup<Session> share) {

    Delivery(String topic, byte[] payload, Qos qos, boolean retain) {
        this(topic, payload, qos, retain, 0, null, PublishProperties.EMPTY, MessageExpiry.NEVER);
    }

    /** A delivery for the subscriber's own subscriptions. */
    Delivery(String topic, byte[] payload, Qos qos, boolean retain, long sequence,
             @Nullable PersistedMessage stored, PublishProperties properties, long expiresAt) {
        this(topic, payload, qos, retain, sequence, stored, properties, expiresAt, null);
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
        return new Delivery(topic, payload, qos, retain, newSequence, row, properties, expiresAt, share);
    }

    /**
     * The same message for another member of its shared subscription, picked because this delivery's session
     * ended: that member's granted QoS [MQTT-4.8.2-3] and identifiers, and a fresh start in its session.
     */
    Delivery redirected(SubscriptionOptions options) {
        return new Delivery(topic, payload, Qos.min(qos, options.qos()), retain, 0, null,
                SubscriptionIdentifiers.on(properties, options.identifiers()), expiresAt, share);
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
