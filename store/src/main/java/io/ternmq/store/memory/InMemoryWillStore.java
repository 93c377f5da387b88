package io.ternmq.store.memory;

import io.ternmq.store.StoredWill;
import io.ternmq.store.WillStore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Delayed wills by client id in a concurrent map; nothing survives the process. */
public final class InMemoryWillStore implements WillStore {

    private final ConcurrentMap<String, StoredWill> byClientId = new ConcurrentHashMap<>();

    @Override
    public void put(StoredWill will) {
        byClientId.put(will.clientId(), will);
    }

    @Override
    public void remove(String clientId) {
        byClientId.remove(clientId);
    }

    @Override
    public Collection<StoredWill> all() {
        return List.copyOf(byClientId.values());
    }
}
