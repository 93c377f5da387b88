package io.ternmq.store;

import java.util.function.Consumer;

/** Persistent sessions' queues of messages not yet sent. Implementations are thread-safe. */
public interface QueueStore {

    void add(QueuedMessage message);

    void remove(String clientId, long sequence);

    /** Empties the client's queue; a discarded session's entries go in one range delete. */
    void removeAll(String clientId);

    /** Every entry ordered by client id, then sequence; for recovery. */
    void forEach(Consumer<QueuedMessage> sink);
}
