package io.ternmq.store;

import java.util.function.Consumer;

/** Persistent sessions' outbound messages in flight, by client id and sequence. Implementations are thread-safe. */
public interface InflightStore {

    /** Records the entry, replacing one of the same client id and sequence (a stage change). */
    void put(InflightEntry entry);

    void remove(String clientId, long sequence);

    void removeAll(String clientId);

    /** Every entry ordered by client id, then sequence; for recovery. */
    void forEach(Consumer<InflightEntry> sink);
}
