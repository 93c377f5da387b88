package io.ternmq.store;

import java.util.Collection;

/**
 * Where retained messages outlive the broker process. The core keeps the live index in memory and writes
 * through to this store; at start it loads {@link #all()}. Retained messages are not session state and are
 * never removed when a session ends [MQTT-3.1.2-7]. Implementations are thread-safe.
 */
public interface RetainedMessageStore {

    /** Stores the message, replacing any earlier one of the same topic. */
    void put(RetainedMessage message);

    /** Forgets the retained message of the topic, if any. */
    void remove(String topic);

    /** A snapshot of every retained message, in no particular order. */
    Collection<RetainedMessage> all();
}
