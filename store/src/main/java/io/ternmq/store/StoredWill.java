package io.ternmq.store;

import io.ternmq.protocol.PublishProperties;
import io.ternmq.protocol.Qos;

import java.time.Instant;

/**
 * A will waiting for its delay to pass (an MQTT 5 will delay interval, or the end of the session if that comes
 * first): published at {@code publishAt} unless the client reconnects first [MQTT-3.1.3-9]. {@code properties} are
 * the will properties it is published with (its message expiry interval starts counting when it is published).
 * 3.1.1 publishes wills at once and does not use this store.
 */
public record StoredWill(String clientId, String topic, byte[] payload, Qos qos, boolean retain, Instant publishAt,
                         PublishProperties properties) {

    /** A will without MQTT 5 properties. */
    public StoredWill(String clientId, String topic, byte[] payload, Qos qos, boolean retain, Instant publishAt) {
        this(clientId, topic, payload, qos, retain, publishAt, PublishProperties.EMPTY);
    }
}
