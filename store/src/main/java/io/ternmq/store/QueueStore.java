package io.ternmq.store;

import java.util.List;
import java.util.function.Consumer;

/** Persistent sessions' queues of messages not yet sent. Implementations are thread-safe. */
public interface QueueStore {

    void add(QueuedMessage message);

    void remove(String clientId, long sequence);

    /** Empties the client's queue; a discarded session's entries go in one range delete. */
    void removeAll(String clientId);

    /**
     * Up to {@code limit} of the client's entries with a sequence above {@code afterSequence}, in sequence order:
     * the next page of a queue that recovery left on disk. Sees what is written, not what still waits for the writer.
     */
    List<QueuedMessage> page(String clientId, long afterSequence, int limit);

    /** Every entry ordered by client id, then sequence; for recovery. */
    void forEach(Consumer<QueuedMessage> sink);
}
