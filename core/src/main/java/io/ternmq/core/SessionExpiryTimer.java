package io.ternmq.core;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A persistent session's expiry: the interval in effect (seconds, {@link SessionExpiry#NEVER} for 3.1.1 sessions)
 * and, while no connection is attached, the time it runs out. Counting starts when the connection ends and stops
 * when a client attaches again [MQTT-4.1.0-1] [MQTT-4.1.0-2]; the expiry runs as one entry of the owner thread's
 * {@link Deadlines}. Owner thread only.
 */
final class SessionExpiryTimer {

    private long interval = SessionExpiry.NEVER;
    private long expiresAtMillis = Long.MAX_VALUE;
    private Deadlines.@Nullable Deadline deadline;
    private boolean changed;

    long interval() {
        return interval;
    }

    /** A new interval (CONNECT or DISCONNECT); takes effect when counting next starts. */
    void interval(long seconds) {
        changed |= seconds != interval;
        interval = seconds;
    }

    /** Whether the interval changed since the last call: the stored session then needs writing. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /** The connection ended at {@code nowMillis}: {@code expire} runs when the interval has passed. */
    void start(Deadlines deadlines, long nowMillis, Runnable expire) {
        runOutAt(deadlines, SessionExpiry.expiresAt(nowMillis, interval), expire);
    }

    /** Counting goes on to a time known before (a session restored after a restart). */
    void runOutAt(Deadlines deadlines, long atMillis, Runnable expire) {
        stop();
        expiresAtMillis = atMillis;
        if (atMillis != Long.MAX_VALUE) {
            deadline = deadlines.schedule(atMillis, expire);
        }
    }

    /** A connection is attached: the session does not expire while it lasts [MQTT-4.1.0-1]. */
    void stop() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
        expiresAtMillis = Long.MAX_VALUE;
    }

    /** When the session runs out (epoch millis), {@link Long#MAX_VALUE} while connected or never. */
    long expiresAtMillis() {
        return expiresAtMillis;
    }

    /** The same for the store: null while connected or never. */
    @Nullable Instant expiresAt() {
        return expiresAtMillis == Long.MAX_VALUE ? null : Instant.ofEpochMilli(expiresAtMillis);
    }
}
