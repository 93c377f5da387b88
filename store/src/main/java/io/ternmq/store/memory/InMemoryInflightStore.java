package io.ternmq.store.memory;

import io.ternmq.store.InflightEntry;
import io.ternmq.store.InflightStore;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** In-flight entries by (client id, sequence) in a sorted concurrent map; nothing survives the process. */
public final class InMemoryInflightStore implements InflightStore {

    private final ConcurrentSkipListMap<ClientKey, InflightEntry> entries =
            new ConcurrentSkipListMap<>(ClientKey.ORDER);

    @Override
    public void put(InflightEntry entry) {
        entries.put(new ClientKey(entry.clientId(), entry.sequence()), entry);
    }

    @Override
    public void remove(String clientId, long sequence) {
        entries.remove(new ClientKey(clientId, sequence));
    }

    @Override
    public void removeAll(String clientId) {
        entries.subMap(ClientKey.first(clientId), true, ClientKey.last(clientId), true).clear();
    }

    @Override
    public void forEach(Consumer<InflightEntry> sink) {
        entries.values().forEach(sink);
    }
}
