package io.ternmq.store.memory;

import io.ternmq.store.QueueStore;
import io.ternmq.store.QueuedMessage;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/** Queue entries by (client id, sequence) in a sorted concurrent map; nothing survives the process. */
public final class InMemoryQueueStore implements QueueStore {

    private final ConcurrentSkipListMap<ClientKey, QueuedMessage> entries =
            new ConcurrentSkipListMap<>(ClientKey.ORDER);

    @Override
    public void add(QueuedMessage message) {
        entries.put(new ClientKey(message.clientId(), message.sequence()), message);
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
    public List<QueuedMessage> page(String clientId, long afterSequence, int limit) {
        return entries.subMap(new ClientKey(clientId, afterSequence), false, ClientKey.last(clientId), true).values()
                .stream().limit(limit).toList();
    }

    @Override
    public void forEach(Consumer<QueuedMessage> sink) {
        entries.values().forEach(sink);
    }
}
