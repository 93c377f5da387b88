package io.ternmq.store;

import java.util.function.Consumer;

/** Persistent sessions' unreleased inbound QoS 2 packet ids. Implementations are thread-safe. */
public interface InboundPacketIdStore {

    void add(InboundPacketId id);

    void remove(InboundPacketId id);

    void removeAll(String clientId);

    /** Every id ordered by client id, then packet id; for recovery. */
    void forEach(Consumer<InboundPacketId> sink);
}
