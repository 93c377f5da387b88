package io.ternmq.store.memory;

import io.ternmq.store.RetainedMessage;
import io.ternmq.store.RetainedMessageStore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Retained messages by topic in a concurrent map; nothing survives the process. */
public final class InMemoryRetainedMessageStore implements RetainedMessageStore {

    private final ConcurrentMap<String, RetainedMessage> byTopic = new ConcurrentHashMap<>();

    @Override
    public void put(RetainedMessage message) {
        byTopic.put(message.topic(), message);
    }

    @Override
    public void remove(String topic) {
        byTopic.remove(topic);
    }

    @Override
    public Collection<RetainedMessage> all() {
        return List.copyOf(byTopic.values());
    }
}
