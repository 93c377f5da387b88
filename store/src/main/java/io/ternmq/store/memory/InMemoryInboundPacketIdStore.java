package io.ternmq.store.memory;

import io.ternmq.store.InboundPacketId;
import io.ternmq.store.InboundPacketIdStore;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** Unreleased inbound QoS 2 ids by (client id, packet id); nothing survives the process. */
public final class InMemoryInboundPacketIdStore implements InboundPacketIdStore {

    private final ConcurrentSkipListMap<ClientKey, InboundPacketId> ids = new ConcurrentSkipListMap<>(ClientKey.ORDER);

    @Override
    public void add(InboundPacketId id) {
        ids.put(new ClientKey(id.clientId(), id.packetId()), id);
    }

    @Override
    public void remove(InboundPacketId id) {
        ids.remove(new ClientKey(id.clientId(), id.packetId()));
    }

    @Override
    public void removeAll(String clientId) {
        ids.subMap(ClientKey.first(clientId), true, ClientKey.last(clientId), true).clear();
    }

    @Override
    public void forEach(Consumer<InboundPacketId> sink) {
        ids.values().forEach(sink);
    }
}
