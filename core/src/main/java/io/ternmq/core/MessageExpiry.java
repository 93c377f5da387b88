package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import org.jspecify.annotations.Nullable;

/**
 * Message expiry (MQTT 5, 3.3.2.3.3) on absolute wall-clock times: a message received with a Message Expiry Interval
 * expires at receipt time plus the interval; one without never does ({@link #NEVER}). Absolute times survive a
 * restart; the interval forwarded to a subscriber is what is left of it [MQTT-3.3.2-6].
 */
final class MessageExpiry {

    /** The expiry time of a message without a Message Expiry Interval. */
    static final long NEVER = Long.MAX_VALUE;

    private MessageExpiry() {
    }

    /** When a message received at {@code receivedMillis} with {@code intervalSeconds} (null: absent) expires. */
    static long expiresAt(long receivedMillis, @Nullable Long intervalSeconds) {
        return intervalSeconds == null ? NEVER : receivedMillis + intervalSeconds * 1000;
    }

    /** [MQTT-3.3.2-5] an expired message is not sent on: its interval has fully run out. */
    static boolean isExpired(long expiresAtMillis, long nowMillis) {
        return expiresAtMillis != NEVER && expiresAtMillis <= nowMillis;
    }

    /**
     * [MQTT-3.3.2-6] the interval to forward: the received one minus the time waited, in whole seconds rounded up so
     * that a message not yet expired is never forwarded with 0 (which a receiver could take as already expired); at
     * least 1 for one sent after all (a resend of a message whose delivery had begun).
     */
    static long remainingSeconds(long expiresAtMillis, long nowMillis) {
        long leftMillis = expiresAtMillis - nowMillis;
        return Math.max(1, (leftMillis + 999) / 1000);
    }

    /** {@code properties} with the Message Expiry Interval left at {@code nowMillis} [MQTT-3.3.2-6]. */
    static PublishProperties withRemaining(PublishProperties properties, long expiresAtMillis, long nowMillis) {
        return new PublishProperties(properties.payloadFormatIndicator(), remainingSeconds(expiresAtMillis, nowMillis),
                properties.topicAlias(), properties.responseTopic(), properties.correlationData(),
                properties.userProperties(), properties.subscriptionIdentifiers(), properties.contentType());
    }
}
