package io.ternmq.core;

import org.jspecify.annotations.Nullable;

/**
 * Session expiry intervals (MQTT 5, 3.1.2.11.2) in seconds: absent means 0, the session ends with its connection;
 * 0xFFFFFFFF means it never expires, and so do 3.1.1 persistent sessions. The server may lower what a client asks
 * for to its configured maximum, and then tells the client in CONNACK (3.2.2.3.2).
 */
final class SessionExpiry {

    /** The interval that never expires (0xFFFFFFFF). */
    static final long NEVER = 0xFFFF_FFFFL;

    private SessionExpiry() {
    }

    /** The interval a CONNECT asks for, capped at {@code maximum}. */
    static long granted(@Nullable Long requested, long maximum) {
        long asked = requested == null ? 0 : requested;
        return Math.min(asked, maximum);
    }

    /**
     * When a session whose connection ended at {@code disconnectedMillis} expires [MQTT-4.1.0-2];
     * {@link Long#MAX_VALUE} for one that never does.
     */
    static long expiresAt(long disconnectedMillis, long intervalSeconds) {
        return intervalSeconds >= NEVER ? Long.MAX_VALUE : disconnectedMillis + intervalSeconds * 1000;
    }
}
