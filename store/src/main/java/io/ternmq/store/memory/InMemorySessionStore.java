package io.ternmq.store.memory;

import io.ternmq.store.SessionStore;
import io.ternmq.store.StoredSession;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Stored sessions by client id in a concurrent map; nothing survives the process. */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<String, StoredSession> byClientId = new ConcurrentHashMap<>();

    @Override
    public void save(StoredSession session) {
        byClientId.put(session.clientId(), session);
    }

    @Override
    public void remove(String clientId) {
        byClientId.remove(clientId);
    }

    @Override
    public Optional<StoredSession> find(String clientId) {
        return Optional.ofNullable(byClientId.get(clientId));
    }

    @Override
    public Collection<StoredSession> all() {
        return List.copyOf(byClientId.values());
    }
}
