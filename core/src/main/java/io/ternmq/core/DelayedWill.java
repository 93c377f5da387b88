package io.ternmq.core;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Will;
import io.ternmq.protocol.WillProperties;
import io.ternmq.store.StoredWill;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An MQTT 5 will whose connection ended abnormally and whose Will Delay Interval has not passed: published when
 * the delay passes or the session ends, whichever comes first, unless a connection to the session is made before
 * [MQTT-3.1.2-8] [MQTT-3.1.3-9]. Kept by its session; runs as one entry of the owner thread's {@link Deadlines}.
 * Owner thread only.
 */
final class DelayedWill {

    private final Will will;
    private long publishAtMillis = Long.MAX_VALUE;
    private Deadlines.@Nullable Deadline deadline;

    DelayedWill(Will will) {
        this.will = will;
    }

    /** The will of a stored row (a restart during the delay). */
    static DelayedWill restored(StoredWill row) {
        PublishProperties stored = row.properties();
        var properties = new WillProperties(null, stored.payloadFormatIndicator(), stored.messageExpiryInterval(),
                stored.contentType(), stored.responseTopic(), stored.correlationData(), stored.userProperties());
        var delayed = new DelayedWill(new Will(row.topic(), row.payload(), row.qos(), row.retain(), properties));
        delayed.publishAtMillis = row.publishAt().toEpochMilli();
        return delayed;
    }

    /** The will's delay in seconds (absent: 0). */
    static long delayOf(Will will) {
        Long delay = will.properties().willDelayInterval();
        return delay == null ? 0 : delay;
    }

    Will will() {
        return will;
    }

    /**
     * Publishes through {@code publish} once the delay has passed after {@code endedMillis}, or at
     * {@code sessionEndsMillis} if that is earlier.
     */
    void schedule(Deadlines deadlines, long endedMillis, long sessionEndsMillis, Runnable publish) {
        long delayed = endedMillis + delayOf(will) * 1000;
        publishAt(deadlines, Math.min(delayed, sessionEndsMillis), publish);
    }

    /** Publishes through {@code publish} at a time known before (restored from the store). */
    void publishAt(Deadlines deadlines, long atMillis, Runnable publish) {
        cancel();
        publishAtMillis = atMillis;
        deadline = deadlines.schedule(atMillis, publish);
    }

    long publishAtMillis() {
        return publishAtMillis;
    }

    void cancel() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    StoredWill row(String clientId) {
        return new StoredWill(clientId, will.topic(), will.payload(), will.qos(), will.retain(),
                Instant.ofEpochMilli(publishAtMillis), WillMessages.publishProperties(will.properties()));
    }
}
