package io.ternmq.core;

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
     * that a message not yet expired is never forwarded with 0 (which a receiver could take as already expired).
     * Only for a message that expires and has not expired.
     */
    static long remainingSeconds(long expiresAtMillis, long nowMillis) {
        long leftMillis = expiresAtMillis - nowMillis;
        return (leftMillis + 999) / 1000;
    }
}
