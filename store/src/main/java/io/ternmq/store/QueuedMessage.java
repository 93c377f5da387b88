package io.ternmq.store;

import io.ternmq.protocol.Qos;

/**
 * A message waiting in a persistent session's queue. {@code sequence} orders the session's deliveries (queue and
 * in-flight share it) and keeps its value when the message moves into flight; {@code qos} is the delivery QoS (the
 * minimum of published and granted); {@code retain} the RETAIN flag it will be sent with.
 */
public record QueuedMessage(String clientId, long sequence, long messageId, Qos qos, boolean retain) {
}
