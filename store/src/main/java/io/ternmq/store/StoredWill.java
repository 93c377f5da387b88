package io.ternmq.store;

import io.ternmq.protocol.Qos;

import java.time.Instant;

/**
 * A will waiting for its delay to pass (an MQTT 5 will delay interval): published at {@code publishAt} unless the
 * client reconnects first. 3.1.1 publishes wills at once and does not use this store yet.
 */
public record StoredWill(String clientId, String topic, byte[] payload, Qos qos, boolean retain, Instant publishAt) {
}
