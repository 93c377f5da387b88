package io.ternmq.store;

import io.ternmq.protocol.Qos;

/**
 * A message payload stored once however many persistent sessions hold it: queue and in-flight entries refer to it
 * by {@code id}. Ids are unique for the life of a data directory and grow with time. The array is never modified.
 */
public record StoredMessage(long id, String topic, Qos qos, byte[] payload) {
}
