package io.ternmq.store.memory;

import io.ternmq.store.MessageStore;
import io.ternmq.store.StoredMessage;

import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Messages by id in a sorted concurrent map; nothing survives the process. */
public final class InMemoryMessageStore implements MessageStore {

    private final ConcurrentSkipListMap<Long, StoredMessage> byId = new ConcurrentSkipListMap<>();

    @Override
    public void put(StoredMessage message) {
        byId.put(message.id(), message);
    }

    @Override
    public void remove(long id) {
        byId.remove(id);
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void forEach(Consumer<StoredMessage> sink) {
        byId.values().forEach(sink);
    }

    @Override
    public void forEachId(LongConsumer sink) {
        byId.keySet().forEach(sink::accept);
    }
}
